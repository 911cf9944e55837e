import { spawnSync } from 'node:child_process';
import { firefoxPath } from './firefox';

/**
 * Before the Firefox suite: Firefox must exist (else every test would fail the
 * same way: fail once, loudly, here) and the e2e build is written fresh from the
 * current sources (`vite build --mode firefox-e2e` → dist-firefox-e2e/).
 */
export default function setup(): void {
  firefoxPath();
  const res = spawnSync('npx', ['vite', 'build', '--mode', 'firefox-e2e', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`vite build --mode firefox-e2e exited with ${res.status ?? res.signal}`);
}
