import { describe, expect, it } from 'vitest';
import { createLockService, AUTO_LOCK_ALARM, KEYRING_KEY, TOUCH_INTERVAL_MS, UNLOCK_KEY } from '../../src/background/lock';
import { createSettingsStore } from '../../src/background/settings-store';
import { createRouter } from '../../src/background/router';
import { KeyringError } from '../../src/keyring';
import { contentScript, makeWorld, NOW, PASSWORD, rawIdbDump, RUNTIME_ID, snapshot, TEST_ITERATIONS, type World } from './helpers/world';

const MIN = 60_000;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KeyringError);
    return (e as KeyringError).code;
  }
  throw new Error('expected a KeyringError');
}

/** A new lock service over the same storages: what a restarted worker builds. */
function restart(w: World) {
  return createLockService({ local: w.storage, session: w.session, alarms: w.alarms, settings: createSettingsStore(w.storage), now: () => w.clock.now, iterations: TEST_ITERATIONS });
}

describe('lock service', () => {
  it('before onboarding: not set up, nothing to seal to, nothing to open', async () => {
    const { lock } = makeWorld();
    expect(await lock.state()).toEqual({ setUp: false, locked: true, autoLockMinutes: 15 });
    expect(await codeOf(lock.unlock(PASSWORD))).toBe('not_set_up');
    expect(await codeOf(lock.sealer())).toBe('not_set_up');
    expect(await codeOf(lock.opener())).toBe('not_set_up');
    expect(await codeOf(lock.account())).toBe('not_set_up');
    expect(await codeOf(lock.exportAccountKey(PASSWORD))).toBe('not_set_up');
    expect(await lock.vaultPublicKey()).toBeUndefined();
  });

  it('onboard leaves the vault unlocked with a deadline, an alarm at that deadline and only the kek in the session', async () => {
    const { lock, session, alarms, storage } = makeWorld();
    const state = await lock.onboard(PASSWORD);
    expect(state).toMatchObject({ setUp: true, locked: false, autoLockMinutes: 15, lockAt: NOW + 15 * MIN });
    expect(state.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(alarms.scheduled.get(AUTO_LOCK_ALARM)).toBe(NOW + 15 * MIN);
    const unlock = session.data.get(UNLOCK_KEY) as Record<string, unknown>;
    expect(Object.keys(unlock).sort()).toEqual(['expiresAt', 'kek']);
    expect(unlock.expiresAt).toBe(NOW + 15 * MIN);
    expect(storage.data.get(KEYRING_KEY)).toMatchObject({ version: 1, address: state.address });
    expect(await codeOf(lock.onboard('another password'))).toBe('already_set_up');
    expect((await lock.account()).address).toBe(state.address);
  });

  it('two onboard calls at once leave exactly one keyring', async () => {
    const { lock, storage } = makeWorld();
    const results = await Promise.allSettled([lock.onboard(PASSWORD), lock.onboard('second password')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(((results[1] as PromiseRejectedResult).reason as KeyringError).code).toBe('already_set_up');
    expect((storage.data.get(KEYRING_KEY) as { address: string }).address).toBe((results[0] as PromiseFulfilledResult<{ address: string }>).value.address);
    await lock.lock();
    expect((await lock.unlock(PASSWORD)).locked).toBe(false);
  });

  it('lock, then unlock: wrong password refused, right one opens again', async () => {
    const { lock, session, alarms } = makeWorld();
    await lock.onboard(PASSWORD);
    expect(await lock.lock()).toMatchObject({ setUp: true, locked: true });
    expect(session.data.has(UNLOCK_KEY)).toBe(false);
    expect(alarms.scheduled.has(AUTO_LOCK_ALARM)).toBe(false);
    expect(await codeOf(lock.opener())).toBe('locked');
    expect(await codeOf(lock.account())).toBe('locked');
    expect(await codeOf(lock.unlock('wrong password'))).toBe('wrong_password');
    expect(session.data.has(UNLOCK_KEY)).toBe(false);
    expect(await lock.unlock(PASSWORD)).toMatchObject({ locked: false });
    const box = await (await lock.sealer()).seal({ host: 'a.com' });
    expect(await (await lock.opener()).open(box)).toEqual({ host: 'a.com' });
  });

  it('sealing works while locked; only opening needs the password', async () => {
    const { lock } = makeWorld();
    await lock.onboard(PASSWORD);
    await lock.lock();
    const box = await (await lock.sealer()).seal({ domain: 'bbc.com' });
    expect(JSON.stringify(box)).not.toContain('bbc.com');
    await lock.unlock(PASSWORD);
    expect(await (await lock.opener()).open(box)).toEqual({ domain: 'bbc.com' });
  });

  it('expires after autoLockMinutes with no alarm firing, also in a restarted worker', async () => {
    const w = makeWorld();
    await w.ctx.settings.update({ autoLockMinutes: 5 });
    await w.lock.onboard(PASSWORD);
    expect(w.alarms.scheduled.get(AUTO_LOCK_ALARM)).toBe(NOW + 5 * MIN);
    w.clock.now = NOW + 5 * MIN - 1;
    expect((await restart(w).state()).locked).toBe(false);
    await w.lock.opener(); // cached for the session: must not outlive it
    w.clock.now = NOW + 5 * MIN;
    const fresh = restart(w); // the worker was stopped and started again; the alarm never fired
    expect(await fresh.state()).toMatchObject({ setUp: true, locked: true });
    expect(w.session.data.has(UNLOCK_KEY)).toBe(false);
    expect(await codeOf(fresh.opener())).toBe('locked');
    expect(await codeOf(w.lock.account())).toBe('locked');
    expect(await codeOf(w.lock.opener())).toBe('locked');
  });

  it('UI activity pushes the deadline at most once per 30 s and re-arms the alarm; never while locked', async () => {
    const w = makeWorld();
    await w.lock.onboard(PASSWORD);
    const deadline = () => (w.session.data.get(UNLOCK_KEY) as { expiresAt: number }).expiresAt;
    w.clock.now = NOW + TOUCH_INTERVAL_MS - 1;
    await w.lock.touch();
    expect(deadline()).toBe(NOW + 15 * MIN);
    w.clock.now = NOW + TOUCH_INTERVAL_MS;
    await w.lock.touch();
    expect(deadline()).toBe(w.clock.now + 15 * MIN);
    expect(w.alarms.scheduled.get(AUTO_LOCK_ALARM)).toBe(w.clock.now + 15 * MIN);
    expect((await w.lock.state()).lockAt).toBe(w.clock.now + 15 * MIN);
    // Always moving, it stays open past the first deadline.
    for (let i = 0; i < 40; i += 1) {
      w.clock.now += MIN;
      await w.lock.touch();
    }
    expect((await w.lock.state()).locked).toBe(false);
    await w.lock.lock();
    await w.lock.touch();
    expect(w.session.data.has(UNLOCK_KEY)).toBe(false);
    expect(w.alarms.scheduled.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('a malformed session is treated as locked and removed', async () => {
    const w = makeWorld();
    await w.lock.onboard(PASSWORD);
    w.session.data.set(UNLOCK_KEY, { kek: 'short', expiresAt: NOW + 10 * MIN });
    expect((await w.lock.state()).locked).toBe(true);
    expect(w.session.data.has(UNLOCK_KEY)).toBe(false);
  });

  it('export and import of the account key re-derive from the password, not the session', async () => {
    const { lock, storage } = makeWorld();
    const { address } = await lock.onboard(PASSWORD);
    const key = await lock.exportAccountKey(PASSWORD);
    await lock.lock();
    // Locked or not, the password given decides.
    expect(await lock.exportAccountKey(PASSWORD)).toBe(key);
    expect(await codeOf(lock.exportAccountKey('wrong password'))).toBe('wrong_password');
    await lock.unlock(PASSWORD);
    expect(await codeOf(lock.exportAccountKey('wrong password'))).toBe('wrong_password');
    const before = JSON.stringify(storage.data.get(KEYRING_KEY));
    const imported = `0x${'2a'.repeat(32)}` as const;
    expect(await codeOf(lock.importAccountKey('wrong password', imported))).toBe('wrong_password');
    expect(JSON.stringify(storage.data.get(KEYRING_KEY))).toBe(before);
    const state = await lock.importAccountKey(PASSWORD, imported);
    expect(state.address).not.toBe(address);
    expect((await lock.account()).address).toBe(state.address);
    expect(await lock.exportAccountKey(PASSWORD)).toBe(imported);
    // The vault key pair stays: rows sealed before still open.
    expect((storage.data.get(KEYRING_KEY) as { vaultPublicKey: string }).vaultPublicKey).toBe(JSON.parse(before).vaultPublicKey);
    await lock.lock();
    expect(await lock.unlock(PASSWORD)).toMatchObject({ locked: false, address: state.address });
  });

  it('the account key is never stored in the clear: local, session and IndexedDB dumps never hold it', async () => {
    const w = makeWorld();
    const route = createRouter(w.ctx, RUNTIME_ID);
    await w.lock.onboard(PASSWORD);
    for (const o of ['https://www.bbc.com', 'https://opensea.io']) await route({ type: 'content/footprint', footprint: snapshot(o) }, contentScript(o));
    const account = await w.lock.account();
    await account.signMessage({ message: 'hello' });
    w.clock.now += MIN;
    await w.lock.touch();
    const key = await w.lock.exportAccountKey(PASSWORD);
    const dump = async () => JSON.stringify({ local: [...w.storage.data], session: [...w.session.data], idb: await rawIdbDump(w.idb) });
    const before = await dump();
    expect(before).toContain(account.address); // the dump really holds the keyring
    expect(await w.db.footprints.count()).toBe(2);
    await w.lock.lock();
    for (const d of [before, await dump()]) {
      expect(d.toLowerCase()).not.toContain(key.slice(2).toLowerCase());
      expect(d).not.toContain(PASSWORD);
      expect(d).not.toContain('bbc.com');
    }
  });
});
