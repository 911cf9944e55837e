/**
 * `pool pull`'s resume state in `<out>/.pull-state.jsonl`: a journal, one JSON
 * line per stake outcome appended as soon as it is known, after a header line
 * naming the chain and pool. Appending keeps a pull linear in its stakes (the
 * first version rewrote one JSON file after every stake: ~100 s of a 1,000-stake
 * pull went to rewriting a file that grew to 14 MB). A line cut short by a crash
 * is dropped on load and that stake pulled again; the journal is then rewritten
 * whole (temporary file + rename) before anything is appended to it.
 *
 * A `.pull-state.json` of the first version is read once (its outcomes kept, its
 * chain and pool checked) and replaced by the journal.
 */
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Address } from 'viem';
import type { DatasetStake } from './dataset/index.ts';

export const STATE_FILE = '.pull-state.jsonl';
const LEGACY_STATE_FILE = '.pull-state.json';
const STATE_VERSION = 2;
const LEGACY_STATE_VERSION = 1;

export class PullStateError extends Error {
  override name = 'PullStateError';
}

export interface PullState {
  chainId: number;
  /** Lowercase. */
  pool: string;
  /** Stake outcomes by transaction hash. */
  stakes: Record<string, DatasetStake>;
}

/** JSON with bigint as `{"$big": "…"}`, on one line. */
const toLine = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v));
const fromJson = <T>(text: string): T =>
  JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && '$big' in v ? BigInt((v as { $big: string }).$big) : v)) as T;

const header = (state: PullState) => toLine({ version: STATE_VERSION, chainId: state.chainId, pool: state.pool });

function checkOwner(out: string, found: { chainId: number; pool: string }, chainId: number, pool: Address): void {
  if (found.chainId !== chainId || found.pool !== pool.toLowerCase()) {
    throw new PullStateError(`${out} holds a pull of pool ${found.pool} on chain ${found.chainId}: choose another --out for ${pool} on chain ${chainId}.`);
  }
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** A JSON object of the given `version`, or null when the text is not JSON or another version (started afresh). */
function versioned<T>(text: string, version: number): (T & { version?: number }) | null {
  try {
    const value = fromJson<T & { version?: number }>(text);
    return value.version === version ? value : null;
  } catch {
    return null;
  }
}

/**
 * The state kept in `out` for `pool` on `chainId` (empty when there is none).
 * `rewrite` says the journal must be written whole before stakes are appended
 * (a line was dropped, another version's state was read, or there is no journal
 * yet). Throws PullStateError when `out` holds another pool's or chain's pull.
 */
export async function loadPullState(out: string, chainId: number, pool: Address): Promise<{ state: PullState; rewrite: boolean }> {
  const fresh: PullState = { chainId, pool: pool.toLowerCase(), stakes: {} };
  const text = await readText(path.join(out, STATE_FILE));
  if (text === null) {
    const legacy = await readText(path.join(out, LEGACY_STATE_FILE));
    if (legacy === null) return { state: fresh, rewrite: true };
    const old = versioned<{ chainId: number; pool: string; stakes: Record<string, DatasetStake> }>(legacy, LEGACY_STATE_VERSION);
    if (!old) return { state: fresh, rewrite: true };
    checkOwner(out, old, chainId, pool);
    return { state: { ...fresh, stakes: old.stakes ?? {} }, rewrite: true };
  }
  const [first, ...lines] = text.split('\n');
  const head = versioned<{ chainId: number; pool: string }>(first, STATE_VERSION);
  if (!head) return { state: fresh, rewrite: true };
  checkOwner(out, head, chainId, pool);
  let rewrite = false;
  for (const line of lines) {
    if (line === '') continue;
    try {
      const stake = fromJson<DatasetStake>(line);
      fresh.stakes[stake.transaction] = stake;
    } catch {
      rewrite = true; // cut short by a crash: this stake is pulled again
    }
  }
  // A last line without its newline (complete or not) is rewritten, so the next append starts a line of its own.
  if (!text.endsWith('\n')) rewrite = true;
  return { state: fresh, rewrite };
}

/** Writes the whole journal (header, then every stake), atomically; removes a first-version state file. */
export async function writePullState(out: string, state: PullState): Promise<void> {
  const file = path.join(out, STATE_FILE);
  const body = [header(state), ...Object.values(state.stakes).map(toLine)].join('\n') + '\n';
  await writeFile(`${file}.tmp`, body);
  await rename(`${file}.tmp`, file);
  await rm(path.join(out, LEGACY_STATE_FILE), { force: true });
}

/** Appends one stake's outcome to a journal that `writePullState` wrote. */
export async function appendPullState(out: string, stake: DatasetStake): Promise<void> {
  await appendFile(path.join(out, STATE_FILE), toLine(stake) + '\n');
}
