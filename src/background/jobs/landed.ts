import { readDataToken } from '../../chain/read-data-token.ts';
import { readStake } from '../../chain/read-rewards.ts';
import { epochOfTokenId } from '../../chain/token-id.ts';
import { parseExitPlan, type JobRecord } from '../../vault';
import type { JobChain } from './job-chain';
import { asAddress } from './masks';

/**
 * Whether the effect of a job's current transaction step is already on chain,
 * read from the contracts (docs/earning.md "Signing", the dead-transaction
 * rule). Asked only when the step's signed transaction can never be mined:
 * true → the step is done; false → it is signed again. Undefined for a step
 * whose effect cannot be told from state (a claim can be repeated): such a
 * step ends with `tx_replaced` instead of signing again.
 */
export function landedCheck(chain: JobChain, job: JobRecord): (() => Promise<boolean>) | undefined {
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const minted = (epoch: bigint) => readDataToken(chain.client, { sbt, holder: chain.address, epoch });
  const stakeStatus = async (pool: string, tokenId: string) => (await readStake(chain.client, { pool: asAddress(pool), tokenId: BigInt(tokenId) })).status;
  switch (job.kind) {
    case 'mint':
      return async () => (await minted(BigInt(job.params.epoch))).everMinted;
    case 'stake':
      return async () => (await stakeStatus(job.params.pool, job.params.tokenId)) !== 'none';
    case 'unstake':
      return async () => (await stakeStatus(job.params.pool, job.params.tokenId)) === 'exited';
    case 'exit': {
      if (job.params.plan === undefined) return undefined;
      const action = parseExitPlan(job.params.plan)[job.step];
      if (action?.do === 'unstake' || action?.do === 'leave') return async () => (await stakeStatus(action.pool, action.tokenId)) === 'exited';
      if (action?.do === 'burn') {
        return async () => {
          const { token, everMinted } = await minted(epochOfTokenId(BigInt(action.tokenId)));
          return everMinted && token === null;
        };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
