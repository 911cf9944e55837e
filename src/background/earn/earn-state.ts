import { readDataTokens } from '../../chain/read-data-token.ts';
import { scoreDomainDays } from '../../scoring/score.ts';
import type { EarnState } from '../../shared/earning-messages';
import { epochDays, epochOfDay, localDay, mintCandidate } from '../../shared/epoch';
import { readDomainDays, recentJobs } from '../../vault';
import type { WorkerContext } from '../context';
import { chainEpoch, toJobView } from '../jobs';
import { asAddress } from '../jobs/masks';
import type { JobChain } from '../jobs/job-chain';

/** How many weeks back the Earn tab looks (the current one included). */
export const EARN_WEEKS = 5;

/**
 * The Earn tab: the last weeks with their local points and on-chain state
 * (finished on chain, minted, root and proven points), and the jobs.
 */
export async function readEarnState(ctx: WorkerContext, chain: JobChain): Promise<EarnState> {
  const opener = await ctx.lock.opener();
  const current = epochOfDay(localDay(ctx.now(), ctx.tzOffset()));
  const onChain = await chainEpoch(chain);
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const epochs: EarnState['epochs'] = [];
  const weeks: number[] = [];
  for (let e = Math.max(current, onChain - 1); e >= 0 && e > current - EARN_WEEKS; e--) weeks.push(e);
  // Every week's token in one batched read (src/chain/read-many.ts).
  const tokens = await readDataTokens(chain.client, { sbt, holder: chain.address, epochs: weeks.map(BigInt) });
  // Every week's domain-days in one read (per-day sealed aggregates, src/vault/schema/days.ts), then split by week.
  const rows =
    weeks.length === 0
      ? []
      : await readDomainDays(ctx.db, opener, epochDays(weeks[weeks.length - 1]).first, epochDays(weeks[0]).last, { sealer: await ctx.lock.sealer() });
  for (const [i, e] of weeks.entries()) {
    const points = scoreDomainDays(rows.filter((r) => epochOfDay(r.day) === e));
    const { token } = tokens[i];
    if (points === 0 && !token && e !== current) continue;
    const { first, last } = epochDays(e);
    epochs.push({
      epoch: e,
      firstDay: first,
      lastDay: last,
      points,
      finished: e < onChain,
      minted: !!token,
      ...(token ? { tokenId: token.tokenId.toString(), root: `0x${token.root.toString(16)}`, provenPoints: Number(token.points) } : {}),
    });
  }
  const jobs = (await recentJobs(ctx.db)).map(toJobView);
  return { chainEpoch: onChain, epochs, jobs };
}

/** The epoch "Prove now" mints: the latest finished, unminted week with points (the popup's candidate too). */
export function epochToMint(state: EarnState): number | undefined {
  return mintCandidate(state.epochs)?.epoch;
}
