/**
 * Gas benchmark: `npm run bench:gas`. Prints the gas of mint, stake, claim and
 * unstake with the accept-all verifier (everything but verification) and with
 * each real verifier that is compiled, using real proofs from src/zk.
 * Targets: mint <= 300k, stake <= 300k, claim <= 80k; delivery stakes: records (40) <= 400k, totals <= 320k.
 */
import { measureJourney, type GasFigures, type ProofProvider } from './measure.ts';
import { generatedBytecode } from '../../scripts/lib/deploy.ts';
import { acceptAllProofs, realProofs } from './proofs.ts';
import type { VerifierName } from '../../scripts/lib/deployments.ts';

const TARGETS = {
  mint: 300_000n, mintNext: 300_000n, mintSamePage: 300_000n, stake: 300_000n, stakeBusy: 300_000n,
  claimFirst: 80_000n, claimRepeat: 80_000n, unstake: 80_000n, stakeRecords: 400_000n, stakeTotals: 320_000n,
} as const;
const COLUMNS: [keyof typeof TARGETS, string][] = [
  ['mint', 'mint'], ['mintNext', 'mint next'], ['mintSamePage', 'same page'], ['stake', 'stake'], ['stakeBusy', 'stake busy'],
  ['claimFirst', 'claim 1st'], ['claimRepeat', 'claim next'], ['unstake', 'unstake'],
  ['stakeRecords', 'stk record'], ['stakeTotals', 'stk totals'],
];

function row(f: GasFigures): string {
  const cell = (k: keyof typeof TARGETS) => `${f[k].toLocaleString('en-US').padStart(9)}${f[k] <= TARGETS[k] ? ' ' : '!'}`;
  return `${f.verifier.padEnd(18)} ${COLUMNS.map(([k]) => cell(k)).join(' ')}`;
}

async function main(): Promise<void> {
  const runs: [VerifierName, ProofProvider][] = [['AcceptAllVerifier', acceptAllProofs]];
  for (const v of ['EpochVerifier8', 'EpochVerifier256'] as const) {
    const provider = generatedBytecode(v) ? await realProofs(v) : null;
    if (provider) runs.push([v, provider]);
    else console.log(`(${v}: not available yet, skipped)`);
  }
  console.log(`${'verifier'.padEnd(18)} ${COLUMNS.map(([, label]) => label.padStart(10)).join(' ')}`);
  for (const [verifier, provider] of runs) console.log(row(await measureJourney(verifier, provider)));
  console.log('targets: mint <= 300,000, stake <= 300,000, claim <= 80,000 ("!" marks a miss; unstake held to the claim target);');
  console.log('  delivery pools: stake with 40 records <= 400,000, stake with totals <= 320,000 (envelopes of the sizes src/delivery seals)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
