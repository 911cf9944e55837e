import { OptionsPage, PopupPage } from './pages';
import { dwell, leave, openSite, SHORT_DWELL_MS } from './support/browsing';
import { expect, test } from './support/fixtures';
import { SITES } from '../fixtures/sites';
import { readFile } from 'node:fs/promises';

const control = SITES.control;

test('password-field, banking and deny-listed pages are not stored', async ({ context, extensionId, server, probe }) => {
  const options = await OptionsPage.open(context, extensionId);
  expect(await options.addDeny('youtube.com')).toBeNull();
  expect(await options.denyList()).toContain('youtube.com');
  await options.page.close();

  const pages = await Promise.all(
    [SITES.password, SITES.banking, SITES.denied, SITES.quiet, control].map((s) => openSite(context, server.url(s.host))),
  );
  // A password field that appears after load (the quiet page becomes a login form) also stops capture.
  await pages[3].evaluate(() => {
    const input = document.createElement('input');
    input.type = 'password';
    document.body.prepend(input);
  });
  await dwell(pages, SHORT_DWELL_MS, { keys: 2 });
  await leave(pages);

  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === control.host), 'the control page is stored');
  const hosts = rows.map((f) => f.host);
  for (const s of [SITES.password, SITES.banking, SITES.denied, SITES.quiet]) expect(hosts).not.toContain(s.host);
});

test('a URL with ?token=SECRET#frag stores no secret anywhere', async ({ context, extensionId, server, probe }) => {
  const pages = [
    // A sensitive URL (token parameter): not measured at all.
    await openSite(context, server.url(SITES.secret.host, '/story?token=SECRET#frag')),
    // A harmless URL whose path, query and fragment hold secrets: stored, by origin only.
    await openSite(context, server.url(control.host, '/wiki/SECRETPATH?q=SECRETQUERY#SECRETFRAG')),
  ];
  await dwell(pages, SHORT_DWELL_MS, { keys: 2 });
  await leave(pages);

  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === control.host), 'the control page is stored');
  expect(rows.map((f) => f.host)).not.toContain(SITES.secret.host);

  expect(await probe.exportText()).not.toMatch(/SECRET|frag|token|\/wiki/);
  const dump = await probe.rawDump();
  expect(dump).toContain(rows.find((f) => f.host === control.host)!.id); // the dump really holds the vault
  expect(dump).not.toContain(control.host); // sites are sealed at rest (docs/earning.md "The encrypted vault")
  expect(dump).not.toMatch(/SECRET|frag|token=|\/wiki/);

  const options = await OptionsPage.open(context, extensionId);
  const download = await options.exportData();
  const file = await readFile(await download.path());
  expect(file.toString('utf8')).toContain(control.host);
  expect(file.toString('utf8')).not.toMatch(/SECRET/);
});

test('paused capture stores nothing; resuming captures again', async ({ context, extensionId, server, probe }) => {
  const popup = await PopupPage.open(context, extensionId, server.url(control.host).replace(/\/$/, ''));
  await popup.pause();
  expect(await popup.state()).toBe('paused');

  const paused = await Promise.all([SITES.crypto, control].map((s) => openSite(context, server.url(s.host))));
  await dwell(paused, SHORT_DWELL_MS, { keys: 2 });
  await leave(paused);

  await popup.reload();
  await popup.resume();
  const resumed = await openSite(context, server.url(control.host, '/after-resume'));
  await dwell([resumed], SHORT_DWELL_MS);
  await leave([resumed]);

  // The paused visits were flushed before the resumed one, so once that one is stored the others would be too.
  const rows = await probe.waitForFootprints((r) => r.length >= 1, 'the visit after resuming is stored');
  expect(rows.map((f) => f.host)).toEqual([control.host]);
});

test('delete-all empties the vault', async ({ context, extensionId, server, probe }) => {
  const pages = await Promise.all([SITES.crypto, control].map((s) => openSite(context, server.url(s.host))));
  await dwell(pages, SHORT_DWELL_MS);
  await leave(pages);
  await probe.waitForFootprints((r) => r.length === 2, 'both visits are stored');

  const options = await OptionsPage.open(context, extensionId);
  expect(await options.vaultTotal()).toBe(2);
  await options.deleteAll();
  expect(await options.vaultTotal()).toBe(0);
  expect(await probe.footprints()).toEqual([]);
  expect(await probe.rawDump()).not.toContain(control.host);
});
