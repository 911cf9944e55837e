/**
 * The chain half of `npm start`: refuse a port that is already taken, start the
 * deterministic devnet with the production verifier, and check the addresses
 * against deployments/31337.json, which the extension bundles (a build that
 * points at other addresses would talk to nothing).
 */
import { connect } from 'node:net';
import { startDevnet, type Devnet } from '../devnet.ts';
import { DEVNET_CHAIN_ID, rpcChainId } from './anvil.ts';
import { deploymentPath, readDeployment, type Deployment } from './deployments.ts';

/** The verifier `npm start` deploys: the production circuit's (256 leaves per batch). */
export const START_VERIFIER = 'EpochVerifier256' as const;

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Why `port` cannot be used, or null when it is free. */
export async function portProblem(port: number): Promise<string | null> {
  if (!(await portInUse(port))) return null;
  const chainId = await rpcChainId(`http://127.0.0.1:${port}`);
  if (chainId === DEVNET_CHAIN_ID) {
    return (
      `A devnet (chain ${chainId}) is already running on 127.0.0.1:${port}: another \`npm start\` or \`npm run devnet\`.\n` +
      `npm start always begins from a fresh chain, so it does not reuse it. Stop that one (Ctrl-C in its terminal) and run npm start again.`
    );
  }
  return `Port ${port} on 127.0.0.1 is taken by another program${chainId === null ? '' : ` (a node for chain ${chainId})`}; free it and run npm start again.`;
}

/** Field-by-field differences between two deployments (addresses compared case-insensitively). */
export function deploymentDifferences(expected: Deployment, actual: Deployment): string[] {
  const flat = (d: Deployment): Record<string, string> => ({
    chainId: String(d.chainId),
    deploymentBlock: String(d.deploymentBlock),
    'verifier.contract': d.verifier.contract,
    'verifier.batchSize': String(d.verifier.batchSize),
    ...Object.fromEntries(Object.entries(d.contracts).filter(([, v]) => v !== undefined).map(([k, v]) => [`contracts.${k}`, String(v).toLowerCase()])),
  });
  const e = flat(expected);
  const a = flat(actual);
  return [...new Set([...Object.keys(e), ...Object.keys(a)])]
    .filter((k) => e[k] !== a[k])
    .map((k) => `${k}: ${e[k] ?? '(none)'} in the file, ${a[k] ?? '(none)'} deployed`);
}

/** Starts anvil on `port`, deploys everything and insists the result equals the committed file. */
export async function startCheckedDevnet(port: number): Promise<Devnet> {
  const problem = await portProblem(port);
  if (problem) throw new Error(problem);
  const committedFile = deploymentPath(DEVNET_CHAIN_ID);
  const committed = await readDeployment(committedFile);
  const devnet = await startDevnet({ port, chainId: DEVNET_CHAIN_ID, verifier: START_VERIFIER });
  const diff = deploymentDifferences(committed, devnet.deployment);
  if (diff.length > 0) {
    await devnet.stop();
    throw new Error(
      `The devnet deployed differently from ${committedFile}, which the extension bundles:\n  ${diff.join('\n  ')}\n` +
        'Contracts or the deploy order changed: run `npm run devnet` once (it rewrites the file), commit it, and run npm start again.',
    );
  }
  return devnet;
}
