/**
 * The wallet and vault lock in the real extension: a wrong password is
 * refused with one generic error, the account key never appears unencrypted in
 * chrome.storage (local or session) or IndexedDB, and auto-lock fires from the
 * worker's alarm without the popup doing anything.
 */
import { OptionsPage, PopupPage } from './pages';
import { expect, test } from './support/fixtures';

const PASSWORD = 'a long and private passphrase';

test.use({ onboard: false });

test('wrong passwords are refused alike, the right one unlocks, and the key is never stored in the clear', async ({ context, extensionId, probe }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.onboard(PASSWORD);
  const address = await popup.address();

  const options = await OptionsPage.open(context, extensionId);
  expect((await options.exportKey('not the password')).key).toBeNull();
  const exported = await options.exportKey(PASSWORD);
  expect(exported.key).toMatch(/^0x[0-9a-f]{64}$/i);
  const keyHex = exported.key!.slice(2).toLowerCase();

  // Unlocked and locked, every byte the extension stores is searched for the key.
  const unlockedDump = (await probe.rawDump()).toLowerCase();
  expect(unlockedDump).toContain('"keyring"');
  expect(unlockedDump).not.toContain(keyHex);
  await popup.lock();
  expect(await popup.screen()).toBe('unlock');
  const lockedDump = (await probe.rawDump()).toLowerCase();
  expect(lockedDump).not.toContain(keyHex);
  expect(lockedDump).not.toContain('"unlock"'); // no session key while locked

  const first = await popup.unlock('wrong password');
  const second = await popup.unlock('another wrong one');
  expect(first).toBe('wrong_password');
  expect(second).toBe(first);
  expect(await popup.unlock(PASSWORD)).toBeNull();
  expect(await popup.address()).toBe(address);
});

test('auto-lock fires after the idle time, even with the popup closed', async ({ context, extensionId, probe }) => {
  test.setTimeout(150_000);
  const popup = await PopupPage.open(context, extensionId);
  await popup.onboard(PASSWORD);
  const options = await OptionsPage.open(context, extensionId);
  expect(await options.setAutoLockMinutes(1)).toBeNull();
  await options.page.close();
  // A fresh unlock schedules the alarm with the new idle time.
  await popup.lock();
  expect(await popup.unlock(PASSWORD)).toBeNull();
  await popup.page.close();

  expect(await probe.rawDump()).toContain('"unlock"');
  await new Promise((r) => setTimeout(r, 75_000));
  // The alarm removed the session key by itself: read storage directly, sending the worker nothing.
  expect(await probe.rawDump()).not.toContain('"unlock"');
  const reopened = await PopupPage.open(context, extensionId);
  expect(await reopened.screen()).toBe('unlock');
});
