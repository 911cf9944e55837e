/**
 * Headed Chromium with the built extension loaded, for `npm start` on a machine
 * with a display. The profile lives under .cache/ (git-ignored) and persists,
 * so the wallet and vault survive a restart; `--fresh-profile` wipes it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(ROOT, '.cache');
export const PROFILE_DIR = path.join(CACHE_DIR, 'chromium-profile');
export const DIST_DIR = path.join(ROOT, 'dist');

/** A graphical session to open a window in: X11 or Wayland. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumArgs(options: { extensionDir: string; profileDir: string; asRoot: boolean; wayland: boolean }): string[] {
  return [
    `--user-data-dir=${options.profileDir}`,
    `--load-extension=${options.extensionDir}`,
    `--disable-extensions-except=${options.extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
    ...(options.asRoot ? ['--no-sandbox'] : []),
    ...(options.wayland ? ['--ozone-platform-hint=auto'] : []),
    'chrome://extensions/',
  ];
}

export interface LaunchedChromium {
  child: ChildProcess;
  /** Resolves when Chromium has exited (by itself or after stop()). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Starts Chromium; its own log goes to .cache/chromium.log rather than the terminal. */
export async function launchChromium(binary: string, options: { freshProfile?: boolean } = {}): Promise<LaunchedChromium> {
  if (!existsSync(path.join(DIST_DIR, 'manifest.json'))) throw new Error(`${DIST_DIR}/manifest.json is missing: the build did not run.`);
  if (options.freshProfile) await rm(PROFILE_DIR, { recursive: true, force: true });
  await mkdir(PROFILE_DIR, { recursive: true });
  const log = createWriteStream(path.join(CACHE_DIR, 'chromium.log'), { flags: 'a' });
  const args = chromiumArgs({
    extensionDir: DIST_DIR,
    profileDir: PROFILE_DIR,
    asRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    wayland: !process.env.DISPLAY && !!process.env.WAYLAND_DISPLAY,
  });
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, exited, stop };
}
