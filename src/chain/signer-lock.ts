/**
 * One signer at a time per account (docs/earning.md "Signing"). Every path
 * that signs for an account (send-once for jobs, send.ts for the CLIs and
 * tests) runs "take the nonce → sign → store → broadcast" inside
 * `withSignerLock(address, …)`, so two signers in one JS realm can never read
 * the same pending nonce. The service worker is single-threaded, but its
 * awaits interleave: two jobs resumed in the same tick would otherwise both
 * take the nonce before either had broadcast.
 *
 * The lock is per realm (a module-level map): a wallet elsewhere that holds
 * the same key is not covered; send-once's dead-transaction rule handles it.
 */
const tails = new Map<string, Promise<void>>();

/** Runs `work` once every earlier holder of `address`'s lock has finished (FIFO); never rejects for another holder's failure. */
export async function withSignerLock<T>(address: string, work: () => Promise<T>): Promise<T> {
  const key = address.toLowerCase();
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => done);
  tails.set(key, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
