import type { Address } from 'viem';
import type { ReaderClient } from '../../chain/types';
import type { Balances, NetworkInfo } from '../../shared/earning-messages';
import type { UiMessage, Reply } from '../../shared/messages';
import { rpcOriginPattern, type NetworkSetting, type ResolvedNetwork } from '../../shared/network';
import { fail, failWith, ok, type WorkerContext } from '../context';
import {
  checkRpcChainId,
  createNetworkPublicClient,
  fundFromFaucet,
  hasHostAccess,
  NetworkError,
  readBalances,
  toNetworkError,
  type RawRequester,
} from '../network';
import type { LockService, NetworkService } from '../services';

/** What the network handlers use (from WorkerContext in the worker; fakes or a test anvil in tests). */
export interface NetworkHandlerDeps {
  network: NetworkService;
  lock: Pick<LockService, 'state'>;
  /** The client for a network; default createNetworkPublicClient (tests bind one to their anvil). */
  client?: (network: Pick<ResolvedNetwork, 'chainId' | 'rpcUrl'>) => ReaderClient & RawRequester;
  /** Whether the user granted the host permission for an origin pattern; default hasHostAccess (nothing granted). */
  hostAccess?: (originPattern: string) => Promise<boolean>;
}

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

export function networkInfo(setting: NetworkSetting, network: ResolvedNetwork): NetworkInfo {
  const { dataSbt, poolFactory, testToken } = network.deployment.contracts;
  return {
    setting,
    chainId: network.chainId,
    rpcUrl: network.rpcUrl,
    contracts: { dataSbt, poolFactory, ...(testToken ? { testToken } : {}) },
    isDevnet: network.kind === 'devnet',
  };
}

/** Whatever a network handler throws is answered through the one mapping (failWith). */
async function guard<T>(what: UiMessage['type'], work: () => Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await work();
  } catch (err) {
    return failWith(err, what);
  }
}

/** The four ui/ network handlers over explicit dependencies. */
export function createNetworkHandlers(deps: NetworkHandlerDeps) {
  const clientFor = deps.client ?? createNetworkPublicClient;
  const hostAccess = deps.hostAccess ?? hasHostAccess;

  /**
   * The user must have granted a custom node's origin, and the node must answer with the deployment's chain
   * id. The grant is checked first: the worker sends nothing to an origin the user did not allow.
   */
  async function checkCustom(candidate: ResolvedNetwork): Promise<void> {
    const pattern = rpcOriginPattern(candidate.rpcUrl);
    if (!(await hostAccess(pattern))) {
      throw new NetworkError('host_permission_missing', `Access to ${pattern} was not granted; the network is not stored.`);
    }
    await checkRpcChainId(clientFor(candidate), { rpcUrl: candidate.rpcUrl, chainId: candidate.chainId });
  }

  async function balancesOf(network: ResolvedNetwork, address: Address): Promise<Balances> {
    try {
      return await readBalances(clientFor(network), { address, deployment: network.deployment });
    } catch (err) {
      throw toNetworkError('Read balances', network.rpcUrl, err);
    }
  }

  async function accountAddress(): Promise<Address | undefined> {
    return (await deps.lock.state()).address as Address | undefined;
  }

  return {
    networkGet: (_msg: Msg<'ui/network-get'>): Promise<Reply<NetworkInfo>> =>
      guard('ui/network-get', async () => {
        const { setting, network } = await deps.network.settingAndCurrent();
        return ok(networkInfo(setting, network));
      }),

    /**
     * Only a node that answers with the deployment's chain id, on an origin the user granted from the
     * options page (browser.permissions.request), is accepted; nothing is stored otherwise.
     */
    networkSet: (msg: Msg<'ui/network-set'>): Promise<Reply<NetworkInfo>> =>
      guard('ui/network-set', async () => {
        // The bundled devnet is always accepted: going back to it must work while the local chain is stopped.
        const saved = await deps.network.save(msg.network, (candidate) =>
          candidate.kind === 'devnet' ? Promise.resolve() : checkCustom(candidate),
        );
        return ok(networkInfo(msg.network, saved));
      }),

    balances: (_msg: Msg<'ui/balances'>): Promise<Reply<Balances>> =>
      guard('ui/balances', async () => {
        const address = await accountAddress();
        if (!address) return fail('locked', 'No account: unlock the wallet first.');
        return ok(await balancesOf(await deps.network.current(), address));
      }),

    faucet: (_msg: Msg<'ui/faucet'>): Promise<Reply<Balances>> =>
      guard('ui/faucet', async () => {
        const address = await accountAddress();
        if (!address) return fail('locked', 'No account: unlock the wallet first.');
        const network = await deps.network.current();
        if (network.kind !== 'devnet') return fail('not_devnet', 'Test ETH is only available on the local devnet.');
        await fundFromFaucet(clientFor(network), { address, rpcUrl: network.rpcUrl });
        return ok(await balancesOf(network, address));
      }),
  };
}

/** The ui/ network handlers as registered: the worker context's network service and lock. */
const fromCtx = (ctx: WorkerContext) => createNetworkHandlers({ network: ctx.network, lock: ctx.lock, hostAccess: ctx.hostAccess });

export const handleNetworkGet = (ctx: WorkerContext, msg: Msg<'ui/network-get'>) => fromCtx(ctx).networkGet(msg);
export const handleNetworkSet = (ctx: WorkerContext, msg: Msg<'ui/network-set'>) => fromCtx(ctx).networkSet(msg);
export const handleBalances = (ctx: WorkerContext, msg: Msg<'ui/balances'>) => fromCtx(ctx).balances(msg);
export const handleFaucet = (ctx: WorkerContext, msg: Msg<'ui/faucet'>) => fromCtx(ctx).faucet(msg);
