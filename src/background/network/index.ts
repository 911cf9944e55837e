/** The worker's network: setting, bundled devnet deployment, viem clients and the reads the popup needs. */
export * from './bundled-devnet';
export * from './network-store';
export * from './network-service';
export * from './network-error';
export * from './network-clients';
export * from './rpc-errors';
export * from './check-rpc';
export * from './read-balances';
export * from './faucet';
export * from './host-access';
