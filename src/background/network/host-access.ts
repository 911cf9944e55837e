/**
 * Whether the user granted the optional host permission for an RPC origin
 * (`https://rpc.example.org/*`). The options page asks for it in the click that
 * saves a custom network; the worker checks it again before storing, so a
 * setting sent without the grant is refused. This is the default when no
 * permissions API is wired in (tests, a context without one): nothing is
 * granted. The worker wires browser.permissions.contains through
 * WorkerContext.hostAccess (src/background/start-background.ts).
 */
export async function hasHostAccess(_originPattern: string): Promise<boolean> {
  return false;
}
