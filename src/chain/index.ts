/** Plain-TS chain actions (viem style: `action(client, params)`), usable by scripts and the extension. */
export * from './errors.ts';
export * from './types.ts';
export * from './mint-sbt.ts';
export * from './stake-into-pool.ts';
export * from './claim-rewards.ts';
export * from './unstake-from-pool.ts';
export * from './approve-token.ts';
export * from './create-pool.ts';
export * from './fund-pool.ts';
export * from './read-pool.ts';
export * from './list-pools.ts';
export * from './read-rewards.ts';
export * from './pool-metadata.ts';
export * from './read-data-token.ts';
export * from './burn-data-token.ts';
export * from './sweep-pool.ts';
export * from './send-once.ts';
