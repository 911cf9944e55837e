import { networkSettingSchema, type NetworkSetting } from '../../shared/network';
import type { StorageAreaLike } from '../settings-store';

/** chrome.storage.local key of the network setting (docs/earning.md "Network"). */
export const NETWORK_KEY = 'network';

export const DEFAULT_NETWORK: NetworkSetting = { kind: 'devnet' };

/** The stored setting, validated; nothing stored or anything invalid reads as the devnet. */
export async function readNetworkSetting(area: StorageAreaLike): Promise<NetworkSetting> {
  const raw = (await area.get(NETWORK_KEY))[NETWORK_KEY];
  if (raw === undefined) return DEFAULT_NETWORK;
  const parsed = networkSettingSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('[surf-to-earn] stored network setting is invalid; using the devnet');
    return DEFAULT_NETWORK;
  }
  return parsed.data;
}

/** Stores a setting the caller has already validated (networkSettingSchema.parse's result). */
export async function writeNetworkSetting(area: StorageAreaLike, valid: NetworkSetting): Promise<void> {
  await area.set({ [NETWORK_KEY]: valid });
}
