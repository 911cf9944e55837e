/**
 * Whether the user granted the optional host permission for an RPC origin
 * (`https://rpc.example.org/*`). The options page asks for it in the click that
 * saves a custom network; the worker checks it again before storing, so a
 * setting sent without the grant is refused. Outside a browser (no
 * `chrome.permissions`) nothing is granted.
 */
export async function hasHostAccess(originPattern: string): Promise<boolean> {
  const permissions = (globalThis as { chrome?: typeof chrome }).chrome?.permissions;
  if (!permissions) return false;
  return permissions.contains({ origins: [originPattern] });
}
