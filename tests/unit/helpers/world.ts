import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openVault, type VaultDb } from '../../../src/vault';
import { createSettingsStore, type StorageAreaLike } from '../../../src/background/settings-store';
import { createLockService, type LockAlarms, type WorkerLockService } from '../../../src/background/lock';
import type { WorkerContext } from '../../../src/background/context';
import { createNetworkService } from '../../../src/background/network';
import type { SenderLike } from '../../../src/background/sender';
import { createOpener, createSealer, generateVaultKeyPair, type Opener, type Sealer } from '../../../src/keyring';
import type { FootprintSnapshot } from '../../../src/shared/footprint';

/** A chrome.storage.local stand-in: a Map with the same async get/set shape, values deep-copied like the real one. */
export class MemoryStorageArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}

/** A chrome.alarms stand-in for one-shot alarms: name → when. */
export class FakeAlarms implements LockAlarms {
  readonly scheduled = new Map<string, number>();
  create(name: string, info: { when: number }): void {
    this.scheduled.set(name, info.when);
  }
  clear(name: string): boolean {
    return this.scheduled.delete(name);
  }
}

/** PBKDF2 rounds in unit tests: the production count is exercised by one keyring test. */
export const TEST_ITERATIONS = 1_000;
export const PASSWORD = 'correct horse battery';

/** A fresh, isolated IndexedDB (fake-indexeddb) per call: tests never share a database. */
export function freshIdb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}`;

/** 2026-11-25 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

export interface World {
  ctx: WorkerContext;
  db: VaultDb;
  /** chrome.storage.local. */
  storage: MemoryStorageArea;
  /** chrome.storage.session. */
  session: MemoryStorageArea;
  alarms: FakeAlarms;
  lock: WorkerLockService;
  clock: { now: number };
  /** The fake IndexedDB factory the vault lives in, for raw dumps. */
  idb: ReturnType<typeof freshIdb>;
}

/** A worker context over fake-indexeddb and in-memory storage, with a settable clock and UTC time zone. */
export function makeWorld(): World {
  const storage = new MemoryStorageArea();
  const session = new MemoryStorageArea();
  const alarms = new FakeAlarms();
  const clock = { now: NOW };
  const settings = createSettingsStore(storage);
  const lock = createLockService({ local: storage, session, alarms, settings, now: () => clock.now, iterations: TEST_ITERATIONS });
  const idb = freshIdb();
  const db = openVault({ name: `vault-${Math.random()}`, dexie: idb, vaultPublicKey: () => lock.vaultPublicKey() });
  const ctx: WorkerContext = {
    db,
    settings,
    lock,
    now: () => clock.now,
    tzOffset: () => 0,
    prover: { prove: () => Promise.reject(new Error('no prover in unit tests')) },
    network: createNetworkService({ local: storage }),
  };
  return { ctx, db, storage, session, alarms, lock, clock, idb };
}

/** Every record of every object store of every database in `idb`, read with plain IndexedDB (no Dexie), as one string. */
export async function rawIdbDump(idb: ReturnType<typeof freshIdb>): Promise<string> {
  const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
  const out: Record<string, unknown> = {};
  for (const info of await idb.indexedDB.databases()) {
    const db = await req(idb.indexedDB.open(info.name!));
    for (const store of Array.from(db.objectStoreNames)) out[`${info.name}/${store}`] = await req(db.transaction(store).objectStore(store).getAll());
    db.close();
  }
  return JSON.stringify(out);
}

/** makeWorld after onboarding with PASSWORD: a keyring exists and the vault is unlocked (capture stores). */
export async function makeOnboardedWorld(): Promise<World> {
  const world = makeWorld();
  await world.lock.onboard(PASSWORD);
  return world;
}

export const extensionPage: SenderLike = { id: RUNTIME_ID, origin: EXTENSION_ORIGIN };

export function contentScript(origin: string, tab: { id?: number; incognito?: boolean } = { id: 7 }): SenderLike {
  return { id: RUNTIME_ID, origin, tab, frameId: 0 };
}

let seq = 0;
/** A valid snapshot for `origin`; a fresh uuid unless `id` is given. */
export function snapshot(origin: string, over: Partial<FootprintSnapshot> = {}): FootprintSnapshot {
  seq += 1;
  const hex = seq.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    origin,
    startedAt: NOW - 60_000,
    activeMs: 30_000,
    scrollDepth: 40,
    clicks: 3,
    keys: 5,
    scrolls: 12,
    lang: 'en',
    tzOffset: 0,
    ...over,
  };
}

/** A vault key pair with its sealer and opener, for vault tests that need no lock service. */
export async function makeSealing(): Promise<{ publicKey: string; privateKey: string; sealer: Sealer; opener: Opener }> {
  const pair = await generateVaultKeyPair();
  return { ...pair, sealer: await createSealer(pair.publicKey), opener: await createOpener(pair.privateKey) };
}
