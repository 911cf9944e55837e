import { sha256Hex } from '../keyring';

/**
 * A footprint row's id: hex sha256(origin + "\n" + viewId). A snapshot from
 * another origin lands on another row, so it can never merge into this one,
 * and the id tells nothing without the random view id (which is not stored).
 */
export function footprintRowId(origin: string, viewId: string): Promise<string> {
  return sha256Hex(`${origin}\n${viewId}`);
}
