import type { Deployment } from '../../shared/deployment';
import { networkSettingSchema, resolveNetwork, type NetworkSetting, type ResolvedNetwork } from '../../shared/network';
import type { NetworkService } from '../services';
import type { StorageAreaLike } from '../settings-store';
import { BUNDLED_DEVNET } from './bundled-devnet';
import { NetworkError } from './network-error';
import { readNetworkSetting, writeNetworkSetting } from './network-store';

export interface NetworkServiceOptions {
  /** chrome.storage.local (tests: an in-memory fake). */
  local: StorageAreaLike;
  /** The devnet deployment; default: the one bundled at build time. */
  bundledDevnet?: Deployment | undefined;
}

function resolveOrThrow(setting: NetworkSetting, bundled: Deployment | undefined): ResolvedNetwork {
  const resolved = resolveNetwork(setting, bundled);
  if (!resolved) {
    throw new NetworkError('network_unavailable', 'This build has no devnet deployment; choose a custom network.');
  }
  return resolved;
}

/**
 * The network from chrome.storage.local `network`. Reads storage on every call
 * (the worker may die between any two events; a read is cheap), so a setting
 * saved from one page is what the next chain call uses.
 */
export function createNetworkService(options: NetworkServiceOptions): NetworkService {
  const bundled = 'bundledDevnet' in options ? options.bundledDevnet : BUNDLED_DEVNET;
  return {
    setting: () => readNetworkSetting(options.local),
    current: async () => resolveOrThrow(await readNetworkSetting(options.local), bundled),
    settingAndCurrent: async () => {
      const setting = await readNetworkSetting(options.local);
      return { setting, network: resolveOrThrow(setting, bundled) };
    },
    save: async (setting, check) => {
      const valid = networkSettingSchema.parse(setting);
      const resolved = resolveOrThrow(valid, bundled);
      await check?.(resolved);
      await writeNetworkSetting(options.local, valid);
      return resolved;
    },
  };
}
