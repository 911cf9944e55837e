import { browser } from '../platform/browser';
import { rpcOriginPattern } from '../shared/network';

/**
 * The optional host permission for one RPC node's origin (manifest
 * `optional_host_permissions`). Asked for in the click that saves a custom
 * network (permissions.request needs that user gesture), given back
 * when the extension stops using the node (another network or the devnet).
 */

/** Asks for access to the node's origin; true when granted (or already held). Call before any other await. */
export function requestRpcAccess(rpcUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [rpcOriginPattern(rpcUrl)] });
}

/**
 * Gives the origin back. Chrome refuses to remove an origin it counts as
 * required, and capture's http/https host permission (manifest.config.ts)
 * covers every RPC origin: that refusal is logged and answered `false`, since
 * the setting change itself has already succeeded and nothing more can be
 * done from the extension. (Issue #13 is blocked on this: docs/privacy.md.)
 */
export async function releaseRpcAccess(rpcUrl: string): Promise<boolean> {
  const origins = [rpcOriginPattern(rpcUrl)];
  try {
    return await browser.permissions.remove({ origins });
  } catch (err) {
    console.warn('[surf-to-earn] could not give back host access to', origins[0], err);
    return false;
  }
}

/** Whether two RPC URLs are the same origin (switching between them keeps the permission). */
export function sameRpcOrigin(a: string, b: string): boolean {
  return rpcOriginPattern(a) === rpcOriginPattern(b);
}
