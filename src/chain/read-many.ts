import {
  BaseError,
  encodeFunctionData,
  HttpRequestError,
  LimitExceededRpcError,
  TimeoutError,
  type Abi,
  type AbiParameter,
  type ContractFunctionParameters,
  type EncodeFunctionDataParameters,
} from 'viem';
import { multicall, readContract } from 'viem/actions';
import { toChainError } from './errors.ts';
import type { ReaderClient } from './types.ts';

/**
 * Chunk limits of a deployless multicall. It sends Multicall3's creation code
 * with the calls as constructor arguments and the constructor returns the
 * results as "code", so an `eth_call` is held to the init-code limit for the
 * calls (EIP-3860, 49,152 bytes, the code itself ~5.7 kB) and the code-size
 * limit for the results (EIP-170, 24,576 bytes). Each call costs 160 bytes
 * of ABI framing either way plus its data; a string result is estimated at
 * STRING_ESTIMATE, and a chunk whose results are larger anyway (a pool with a
 * huge metadata URI) is split in halves down to single plain calls.
 */
export const READ_CHUNK_CALL_BYTES = 32_768;
export const READ_CHUNK_RESULT_BYTES = 20_000;
const STRING_ESTIMATE = 512;
const FRAME = 160;

/** One view call of a batch: like `readContract`'s parameters. */
export type ReadCall = ContractFunctionParameters<Abi, 'view' | 'pure'>;

/** A call's outcome: the decoded value, or the error that call alone hit. */
export type ReadOutcome = { ok: true; value: unknown } | { ok: false; error: Error };

export interface ReadManyOptions {
  /**
   * The calls run code nobody vetted (a pool's reward token: pool creation is
   * permissionless). Multicall3 forwards all but 1/64 of the remaining gas to
   * each call, so a call that burns its gas starves every call after it in
   * the chunk, and a hostile token could blank out honest pools' tokens. With
   * this set, a chunk with a failure keeps the results before its first
   * failed call, reads that call alone, and reads the rest again as a chunk:
   * each failed call costs two more reads (tests/anvil/pools-view.test.ts),
   * and a gas burner fails only itself.
   */
  untrusted?: boolean;
}

/**
 * Many view calls in a few round trips: viem's **deployless** multicall (the
 * Multicall3 bytecode rides in the `eth_call`, so nothing has to be deployed
 * on the chain: the devnet, a custom network). Chunks go out in parallel.
 * Results come back in order; a call that reverts or does not decode fails
 * alone; a transport failure fails every call of its chunk.
 */
export async function readMany(client: ReaderClient, calls: readonly ReadCall[], options: ReadManyOptions = {}): Promise<ReadOutcome[]> {
  if (calls.length === 0) return [];
  const parts = chunks(calls);
  const results: ReadOutcome[][] = new Array(parts.length);
  // At most READ_CONCURRENCY chunks in flight: thousands of (spam) pools must not
  // turn into a burst that a public node rate-limits.
  let next = 0;
  const lane = async () => {
    while (next < parts.length) {
      const i = next++;
      results[i] = await readChunk(client, parts[i], options.untrusted === true);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, parts.length) }, lane));
  return results.flat();
}

/** Chunks read at once by readMany. */
export const READ_CONCURRENCY = 4;

/** The values of a batch where every call must succeed (like awaiting each `readContract`); the first failure is thrown. */
export async function readAll(client: ReaderClient, calls: readonly ReadCall[], label: string): Promise<unknown[]> {
  const outcomes = await readMany(client, calls);
  return outcomes.map((o) => {
    if (!o.ok) throw toChainError(label, o.error);
    return o.value;
  });
}

async function readOne(client: ReaderClient, call: ReadCall): Promise<ReadOutcome> {
  try {
    return { ok: true, value: await readContract(client, call as Parameters<typeof readContract>[1]) };
  } catch (err) {
    return { ok: false, error: err as Error };
  }
}

async function readChunk(client: ReaderClient, chunk: readonly ReadCall[], untrusted: boolean): Promise<ReadOutcome[]> {
  if (chunk.length === 1) return [await readOne(client, chunk[0])];
  let outcomes: ReadOutcome[];
  try {
    const results = await multicall(client, { contracts: chunk as ContractFunctionParameters[], deployless: true, batchSize: 0, allowFailure: true });
    outcomes = results.map((r) => (r.status === 'success' ? { ok: true, value: r.result } : { ok: false, error: r.error }));
  } catch (err) {
    // The node is unreachable or rate-limits us: halving would only multiply the requests.
    if (err instanceof BaseError && err.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof LimitExceededRpcError)) {
      return chunk.map(() => ({ ok: false, error: err }));
    }
    // The multicall itself failed (results over the size limit): halve it, one half after the other.
    const half = Math.ceil(chunk.length / 2);
    const a = await readChunk(client, chunk.slice(0, half), untrusted);
    const b = await readChunk(client, chunk.slice(half), untrusted);
    return [...a, ...b];
  }
  const failed = outcomes.findIndex((o) => !o.ok);
  if (!untrusted || failed < 0) return outcomes;
  // The first failed call may have been starved by one before it that burned the gas (see ReadManyOptions):
  // it is read alone, and everything after it again, without whatever came before.
  const alone = await readOne(client, chunk[failed]);
  const rest = failed + 1 < chunk.length ? await readChunk(client, chunk.slice(failed + 1), true) : [];
  return [...outcomes.slice(0, failed), alone, ...rest];
}

/** The calls split so each chunk stays under both limits (estimated for results). */
function chunks(calls: readonly ReadCall[]): ReadCall[][] {
  const out: ReadCall[][] = [[]];
  let input = 0;
  let output = 0;
  for (const call of calls) {
    const data = (encodeFunctionData(call as EncodeFunctionDataParameters).length - 2) / 2;
    const inBytes = FRAME + words(data);
    const outBytes = FRAME + words(resultBytes(call));
    if ((input + inBytes > READ_CHUNK_CALL_BYTES || output + outBytes > READ_CHUNK_RESULT_BYTES) && out[out.length - 1].length > 0) {
      out.push([]);
      input = 0;
      output = 0;
    }
    out[out.length - 1].push(call);
    input += inBytes;
    output += outBytes;
  }
  return out;
}

const words = (bytes: number) => Math.ceil(bytes / 32) * 32;

/** The ABI-encoded size of a call's result: 32 per static word, an estimate for dynamic values. */
function resultBytes(call: ReadCall): number {
  const item = call.abi.find((x) => x.type === 'function' && x.name === call.functionName);
  const outputs = item && 'outputs' in item ? (item.outputs as readonly AbiParameter[]) : [];
  return outputs.reduce((sum, p) => sum + paramBytes(p), 0);
}

function paramBytes(p: AbiParameter): number {
  if (p.type.endsWith(']') || p.type === 'string' || p.type === 'bytes') return 64 + STRING_ESTIMATE;
  if (p.type === 'tuple' && 'components' in p) return p.components.reduce((sum, c) => sum + paramBytes(c), 0);
  return 32;
}
