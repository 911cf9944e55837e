import { deploymentSchema, type Deployment } from '../shared/deployment';
import type { NetworkSetting } from '../shared/network';

/**
 * Reads the custom-network form: an http(s) RPC URL and a deployments file
 * (pasted or picked) checked with the same schema the worker and the scripts
 * use, so a wrong file is caught before it is sent (and, for a known network,
 * that the file is for that network's chain). Pure; returns message
 * keys (and the first invalid field of the file) for inline errors.
 */
export type CustomNetworkParse =
  | { ok: true; network: Extract<NetworkSetting, { kind: 'custom' }> }
  | {
      ok: false;
      rpcError?: 'network_error_rpc';
      deploymentError?: {
        key: 'network_error_json' | 'network_error_deployment' | 'network_error_empty' | 'network_error_chain_mismatch';
        field?: string;
      };
    };

/**
 * `expectedChainId` (a known network chosen by name) must be the file's chain id: a Base Sepolia
 * choice with an OP Sepolia file is caught here; the worker then checks the node says the same.
 */
export function parseCustomNetwork(rpcUrl: string, deploymentText: string, expectedChainId?: number): CustomNetworkParse {
  const url = rpcUrl.trim();
  let rpcError: 'network_error_rpc' | undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') rpcError = 'network_error_rpc';
  } catch {
    rpcError = 'network_error_rpc';
  }
  let deploymentError: Extract<CustomNetworkParse, { ok: false }>['deploymentError'];
  let raw: unknown;
  let deployment: Deployment | undefined;
  if (deploymentText.trim() === '') deploymentError = { key: 'network_error_empty' };
  else {
    try {
      raw = JSON.parse(deploymentText);
    } catch {
      deploymentError = { key: 'network_error_json' };
    }
  }
  if (!deploymentError) {
    const checked = deploymentSchema.safeParse(raw);
    if (checked.success && expectedChainId !== undefined && checked.data.chainId !== expectedChainId) {
      deploymentError = { key: 'network_error_chain_mismatch', field: String(checked.data.chainId) };
    } else if (checked.success) deployment = checked.data;
    else deploymentError = { key: 'network_error_deployment', field: checked.error.issues[0]?.path.join('.') || '(root)' };
  }
  if (rpcError || deploymentError || !deployment) return { ok: false, rpcError, deploymentError };
  return { ok: true, network: { kind: 'custom', rpcUrl: url, deployment } };
}
