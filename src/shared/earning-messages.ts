import { z } from 'zod';
import { addressSchema } from './deployment';
import { errorCodeSchema } from './error-codes';
import { networkSettingSchema } from './network';

/**
 * The earning flow's `ui/…` messages (docs/earning.md): wallet and lock,
 * network and balances, epochs, jobs and pools. Joined into the one contract
 * in src/shared/messages.ts. Amounts and ids that can exceed 2^53 travel as
 * decimal strings.
 */

export const PASSWORD_MIN = 8;
const passwordSchema = z.string().min(PASSWORD_MIN).max(1024);
const privateKeySchema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hex key');
const uintString = z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'expected a decimal integer');
const nat = z.number().int().min(0);

// ---------------------------------------------------------------- requests

export const uiWalletStateSchema = z.object({ type: z.literal('ui/wallet-state') }).strict();
export const uiOnboardSchema = z.object({ type: z.literal('ui/onboard'), password: passwordSchema }).strict();
export const uiUnlockSchema = z.object({ type: z.literal('ui/unlock'), password: z.string().min(1).max(1024) }).strict();
export const uiLockSchema = z.object({ type: z.literal('ui/lock') }).strict();
export const uiAccountExportSchema = z
  .object({ type: z.literal('ui/account-export'), password: z.string().min(1).max(1024) })
  .strict();
export const uiAccountImportSchema = z
  .object({ type: z.literal('ui/account-import'), password: z.string().min(1).max(1024), privateKey: privateKeySchema })
  .strict();

export const uiNetworkGetSchema = z.object({ type: z.literal('ui/network-get') }).strict();
export const uiNetworkSetSchema = z.object({ type: z.literal('ui/network-set'), network: networkSettingSchema }).strict();
export const uiBalancesSchema = z.object({ type: z.literal('ui/balances') }).strict();
export const uiFaucetSchema = z.object({ type: z.literal('ui/faucet') }).strict();

export const uiEarnStateSchema = z.object({ type: z.literal('ui/earn-state') }).strict();
/** Without `epoch`: the latest finished, unminted epoch that has points. */
export const uiProveNowSchema = z
  .object({ type: z.literal('ui/prove-now'), epoch: z.number().int().min(0).max(65_535).optional() })
  .strict();
export const uiPoolsSchema = z.object({ type: z.literal('ui/pools') }).strict();
/** The pools the user hid on the current network (a setting; docs/earning.md "Pools view"). */
export const uiHiddenPoolsSchema = z.object({ type: z.literal('ui/hidden-pools') }).strict();
/** Hide a pool from the Earn tab, or show it again; answers the hidden pools like ui/hidden-pools. */
export const uiHidePoolSchema = z.object({ type: z.literal('ui/hide-pool'), pool: addressSchema, hidden: z.boolean() }).strict();
const poolRef = { pool: addressSchema, tokenId: uintString };
export const uiStakePreviewSchema = z.object({ type: z.literal('ui/stake-preview'), ...poolRef }).strict();
/** `consent`: for a delivery pool, the digest of the delivery the consent screen showed (ui/stake-preview). */
export const uiStakeSchema = z
  .object({ type: z.literal('ui/stake'), ...poolRef, consent: z.string().regex(/^0x[0-9a-fA-F]{64}$/).optional() })
  .strict();
export const uiUnstakeSchema = z.object({ type: z.literal('ui/unstake'), ...poolRef }).strict();
export const uiClaimSchema = z.object({ type: z.literal('ui/claim'), ...poolRef }).strict();
/** The literal 'EXIT' is the user's typed confirmation. */
export const uiExitSchema = z.object({ type: z.literal('ui/exit'), confirm: z.literal('EXIT') }).strict();
export const uiJobSchema = z.object({ type: z.literal('ui/job'), id: z.string().min(1).max(100) }).strict();

export const earningMessageSchemas = [
  uiWalletStateSchema,
  uiOnboardSchema,
  uiUnlockSchema,
  uiLockSchema,
  uiAccountExportSchema,
  uiAccountImportSchema,
  uiNetworkGetSchema,
  uiNetworkSetSchema,
  uiBalancesSchema,
  uiFaucetSchema,
  uiEarnStateSchema,
  uiProveNowSchema,
  uiPoolsSchema,
  uiHiddenPoolsSchema,
  uiHidePoolSchema,
  uiStakePreviewSchema,
  uiStakeSchema,
  uiUnstakeSchema,
  uiClaimSchema,
  uiExitSchema,
  uiJobSchema,
] as const;

// ---------------------------------------------------------------- replies (data)

export const walletStateSchema = z.object({
  /** A keyring exists (the user onboarded). */
  setUp: z.boolean(),
  locked: z.boolean(),
  address: addressSchema.optional(),
  autoLockMinutes: nat,
  /** When the vault locks by itself, ms since epoch (unlocked only). */
  lockAt: nat.optional(),
});
export type WalletState = z.infer<typeof walletStateSchema>;

export const networkInfoSchema = z.object({
  setting: networkSettingSchema,
  chainId: nat,
  rpcUrl: z.string(),
  contracts: z.object({ dataSbt: addressSchema, poolFactory: addressSchema, testToken: addressSchema.optional() }),
  /** The bundled devnet: the faucet button is offered. */
  isDevnet: z.boolean(),
});
export type NetworkInfo = z.infer<typeof networkInfoSchema>;

export const tokenBalanceSchema = z.object({ address: addressSchema, symbol: z.string(), decimals: nat, balance: uintString });
export const balancesSchema = z.object({ address: addressSchema, eth: uintString, tokens: z.array(tokenBalanceSchema) });
export type Balances = z.infer<typeof balancesSchema>;

export const JOB_KINDS = ['mint', 'stake', 'unstake', 'claim', 'exit'] as const;
export const JOB_STATES = ['queued', 'building', 'proving', 'submitting', 'confirming', 'done', 'failed'] as const;
/**
 * A pool the exit could not collect from (docs/earning.md "Exit"): `left` when it
 * exited with `leave` (the rewards forfeited, the token burnable), false when even
 * that was refused. `amount` in the reward token's smallest units; symbol and
 * decimals when the token answered.
 */
export const exitForfeitSchema = z.object({
  pool: addressSchema,
  tokenId: uintString,
  left: z.boolean(),
  amount: uintString,
  token: addressSchema.optional(),
  symbol: z.string().optional(),
  decimals: nat.optional(),
});
export type ExitForfeit = z.infer<typeof exitForfeitSchema>;

export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  /** 0–100 within the current state (proving: estimated from the last proof's duration). */
  progress: nat,
  /** What the job is about, for the UI: epoch, pool address, token id. */
  epoch: nat.optional(),
  pool: addressSchema.optional(),
  tokenId: uintString.optional(),
  txHash: z.string().optional(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).optional(),
  /** Exit only: pools that kept what the stake earned (a reverting reward token). */
  forfeits: z.array(exitForfeitSchema).optional(),
  /** Mint and stake of a heavy week: the proof running now (1-based) of the week's `total`. */
  proofs: z.object({ current: nat, total: nat }).optional(),
  createdAt: nat,
  updatedAt: nat,
});
export type JobView = z.infer<typeof jobViewSchema>;

export const epochViewSchema = z.object({
  epoch: nat,
  firstDay: nat,
  lastDay: nat,
  points: nat,
  /** Finished on chain (epoch < DataSBT.currentEpoch()). */
  finished: z.boolean(),
  minted: z.boolean(),
  tokenId: uintString.optional(),
  /** The committed root (hex), once minted. */
  root: z.string().optional(),
  /** Points proven at mint. */
  provenPoints: nat.optional(),
});
export const earnStateSchema = z.object({
  chainEpoch: nat,
  epochs: z.array(epochViewSchema),
  jobs: z.array(jobViewSchema),
});
export type EarnState = z.infer<typeof earnStateSchema>;

/**
 * Why a pool is not open to the user, from local data (src/background/earn/pools-view.ts);
 * the popup says each in words (src/popup/pool-eligibility.ts).
 */
export const eligibilityReasonSchema = z.enum(['no_token', 'already_staked', 'too_old', 'not_enough_points', 'ended']);
export type EligibilityReason = z.infer<typeof eligibilityReasonSchema>;

export const poolViewSchema = z.object({
  address: addressSchema,
  poolId: uintString,
  name: z.string(),
  sponsor: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  rewardToken: z.object({ address: addressSchema, symbol: z.string(), decimals: nat }),
  start: nat,
  end: nat,
  funded: uintString,
  totalWeight: uintString,
  minPoints: nat,
  /** Eligibility from local data: the user's best minted token for this pool. */
  eligible: z.object({ ok: z.boolean(), tokenId: uintString.optional(), points: nat, reason: eligibilityReasonSchema.optional() }),
  /** The user's stakes in this pool. */
  stakes: z.array(z.object({ tokenId: uintString, weight: uintString, claimable: uintString })),
  /** Estimated reward for staking now, in reward-token base units. */
  estimate: uintString,
});
export type PoolView = z.infer<typeof poolViewSchema>;

/** The pools hidden on the current network (lower-case addresses). */
export const hiddenPoolsSchema = z.object({ chainId: nat, pools: z.array(addressSchema) });
export type HiddenPools = z.infer<typeof hiddenPoolsSchema>;

/** Exactly what becomes public when staking (shown before the user confirms). */
export const stakePreviewSchema = z.object({
  address: addressSchema,
  pool: addressSchema,
  tokenId: uintString,
  epoch: nat,
  root: z.string(),
  categories: z.array(z.string()),
  points: nat,
  /** A delivery pool: exactly what its sponsor receives, and from whom (docs/delivery.md). */
  delivery: z
    .object({
      tier: z.enum(['records', 'totals']),
      sponsor: addressSchema,
      key: z.string(),
      reviewSeconds: nat,
      terms: z.string(),
      rows: z.array(z.object({
        domain: z.string(), category: z.string(), date: z.string(), activeSeconds: nat, visits: nat, interactions: nat,
      })),
      totals: z.object({ activeSeconds: nat, visits: nat, interactions: nat, activeDomainDays: nat }).optional(),
      envelopeBytes: nat,
      digest: z.string(),
    })
    .optional(),
});
export type StakePreview = z.infer<typeof stakePreviewSchema>;

export const earningReplyDataSchemas = {
  'ui/wallet-state': walletStateSchema,
  'ui/onboard': walletStateSchema,
  'ui/unlock': walletStateSchema,
  'ui/lock': walletStateSchema,
  'ui/account-export': z.object({ privateKey: privateKeySchema }),
  'ui/account-import': walletStateSchema,
  'ui/network-get': networkInfoSchema,
  'ui/network-set': networkInfoSchema,
  'ui/balances': balancesSchema,
  'ui/faucet': balancesSchema,
  'ui/earn-state': earnStateSchema,
  'ui/prove-now': jobViewSchema,
  'ui/pools': z.array(poolViewSchema),
  'ui/hidden-pools': hiddenPoolsSchema,
  'ui/hide-pool': hiddenPoolsSchema,
  'ui/stake-preview': stakePreviewSchema,
  'ui/stake': jobViewSchema,
  'ui/unstake': jobViewSchema,
  'ui/claim': jobViewSchema,
  'ui/exit': jobViewSchema,
  'ui/job': jobViewSchema,
} as const;
