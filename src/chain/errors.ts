/**
 * One error type for every chain action: a short message a person can read, the
 * contract's custom error name when the chain gave one, and the original cause.
 */
import { BaseError as ViemBaseError, ContractFunctionRevertedError, parseAbi } from 'viem';
import { dataSBTAbi, dataStakingPoolAbi, poolFactoryAbi } from './generated/index.ts';
import { SurfError } from '../shared/errors';

/**
 * `chain_error` when the chain refused (a decoded custom error, or a mined
 * transaction that reverted), `network_unavailable` when the node did not
 * answer as expected: the first ends a job, the second may be retried.
 */
export class ChainError extends SurfError<'chain_error' | 'network_unavailable'> {
  override name = 'ChainError';
  /** Custom Solidity error, e.g. `DataSBT__InvalidProof`, when the call reverted with one. */
  readonly revertName: string | undefined;
  readonly revertArgs: readonly unknown[] | undefined;

  constructor(shortMessage: string, options: { cause?: unknown; revertName?: string; revertArgs?: readonly unknown[] } = {}) {
    super(options.revertName || /reverted/.test(shortMessage) ? 'chain_error' : 'network_unavailable', shortMessage, { cause: options.cause });
    this.revertName = options.revertName;
    this.revertArgs = options.revertArgs;
  }

  /** The chain refused, as opposed to a node that did not answer. */
  get isRevert(): boolean {
    return this.code === 'chain_error';
  }
}

/**
 * A signed transaction that can never be mined: the account's mined nonce is
 * past it and the node does not know its hash, so another transaction took
 * its nonce (docs/earning.md "Signing"). Nothing it would have done happened.
 */
export class ReplacedTransactionError extends SurfError<'tx_replaced'> {
  override name = 'ReplacedTransactionError';
  constructor(shortMessage: string, options: { cause?: unknown } = {}) {
    super('tx_replaced', shortMessage, options);
  }
}

/**
 * The account that would sign is not the one the job was opened for (another
 * key was imported since): nothing is signed, and the job ends, since it can
 * only be done by the account it belongs to (docs/earning.md "Signing").
 */
export class AccountChangedError extends SurfError<'account_changed'> {
  override name = 'AccountChangedError';
  constructor(shortMessage: string, options: { cause?: unknown } = {}) {
    super('account_changed', shortMessage, options);
  }
}

/**
 * The node answers with another chain id than the network's (docs/earning.md
 * "Chain faults"): checked before anything is signed or rebroadcast, so a
 * transaction is never signed for, or sent to, the wrong chain. Pauses a job.
 */
export class WrongChainError extends SurfError<'wrong_chain'> {
  override name = 'WrongChainError';
  constructor(shortMessage: string, options: { cause?: unknown } = {}) {
    super('wrong_chain', shortMessage, options);
  }
}

/**
 * Fees stop a transaction (docs/earning.md "Chain faults"): `insufficient_funds`
 * when the account cannot pay gas × fee cap (checked before signing, and when
 * the node refuses stored bytes), `fee_too_low` when a signed transaction's fee
 * cap is below the current base fee (it waits in the pool, or the node refuses
 * it). Both pause a job with its transaction kept; it resumes by itself once
 * the account is funded or the base fee falls.
 */
export class FeeError extends SurfError<'insufficient_funds' | 'fee_too_low'> {
  override name = 'FeeError';
}

/** OpenZeppelin's ERC-20 errors (IERC20Errors), decoded when a pool or factory call fails inside the token. */
export const erc20ErrorsAbi = parseAbi([
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
  'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
  'error ERC20InvalidSender(address sender)',
  'error ERC20InvalidReceiver(address receiver)',
  'error SafeERC20FailedOperation(address token)',
]);

/**
 * Every custom error our contracts (and the reward token) can raise, so a revert
 * that bubbles up from another contract (a pool constructor inside the factory,
 * the token inside a pool) still decodes by name.
 */
export const knownErrorsAbi = [...dataSBTAbi, ...dataStakingPoolAbi, ...poolFactoryAbi, ...erc20ErrorsAbi].filter(
  (item, i, all) => item.type === 'error' && all.findIndex((o) => o.type === 'error' && o.name === item.name) === i,
);

/** What the user sees for each custom error; unknown reverts fall back to their name. */
const MESSAGES: Record<string, string> = {
  DataSBT__InvalidProof: 'The proof was rejected for this account, chain and epoch.',
  DataSBT__AlreadyMinted: 'A data token for this epoch was already minted by this account.',
  DataSBT__EpochNotFinished: 'This epoch has not finished yet; mint after the week ends (UTC).',
  DataSBT__Soulbound: 'Data tokens cannot be transferred or approved.',
  DataSBT__NonexistentToken: 'No such data token.',
  DataSBT__NotHolder: 'Only the holder can do this.',
  DataSBT__StillStaked: 'This data token is still staked in a pool; leave every pool before burning it.',
  DataSBT__NotFactoryPool: 'This pool was not created by the pool factory.',
  DataSBT__TooManyStakes: 'This data token is staked in too many pools at once (255).',
  DataStakingPool__InvalidProof: 'The proof was rejected for this pool.',
  DataStakingPool__AlreadyStaked: 'This token has already been staked in this pool.',
  DataStakingPool__NotHolder: 'Only the token holder can do this.',
  DataStakingPool__NotStaked: 'This token is not staked in this pool.',
  DataStakingPool__Ended: 'This pool has ended.',
  DataStakingPool__NotEnded: 'This pool has not ended yet.',
  DataStakingPool__EpochTooOld: 'This token is too old for this pool.',
  DataStakingPool__NotSponsor: 'Only the pool sponsor can do this.',
  DataStakingPool__BadPeriod: 'The pool period is invalid (end must be after start and in the future).',
  DataStakingPool__BadCategoryMask: 'The category selection is invalid.',
  DataStakingPool__BadMinPoints: 'The minimum points must be below 2^32.',
  DataStakingPool__ZeroAmount: 'The amount must be greater than zero.',
  DataStakingPool__FundingTooLarge: 'The amount is too large for one pool.',
  PoolFactory__FeeOnTransfer: 'The reward token took a fee on transfer; use a plain ERC-20.',
  ERC20InsufficientAllowance: 'The token allowance is too low.',
  ERC20InsufficientBalance: 'The token balance is too low.',
};

/** Wrap anything a viem call threw into a ChainError, decoding custom errors. */
export function toChainError(action: string, err: unknown): ChainError {
  if (err instanceof ChainError) return err;
  if (err instanceof ViemBaseError) {
    const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
      const { errorName, args } = reverted.data;
      const message = MESSAGES[errorName] ?? `The contract reverted with ${errorName}.`;
      return new ChainError(`${action}: ${message}`, { cause: err, revertName: errorName, revertArgs: args });
    }
    return new ChainError(`${action}: ${err.shortMessage}`, { cause: err });
  }
  return new ChainError(`${action} failed.`, { cause: err });
}
