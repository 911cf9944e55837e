/**
 * `npm start` after the dependencies are installed (scripts/start.mjs): devnet,
 * demo pools, build, headed Chromium (or Firefox), then wait for Ctrl-C and stop it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Devnet } from '../devnet.ts';
import { DEVNET_PORT } from './anvil.ts';
import { createDemoPools, DEMO_POOLS } from './demo-pools.ts';
import { hasDisplay, launchChromium, DIST_DIR, PROFILE_DIR } from './launch-chromium.ts';
import { FIREFOX_DIST_DIR, FIREFOX_PROFILE_DIR, launchFirefox } from './launch-firefox.ts';
import { startCheckedDevnet } from './start-chain.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const START_USAGE = `usage: npm start [-- --browser chromium|firefox] [--no-browser] [--fresh-profile] [--no-build] [--port 8545]
  --browser B      chromium (default: dist/) or firefox (dist-firefox/, \`npm run build:firefox\`)
  --no-browser     do not open the browser even when a display exists
  --fresh-profile  wipe the browser's profile in .cache/chromium-profile (or .cache/firefox-profile) first
  --no-build       skip the build (tests; dist/ or dist-firefox/ must exist to open a browser)
  --port N         anvil's port (tests; the extension's devnet setting uses 8545)`;

const argsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535).default(DEVNET_PORT),
  browser: z.boolean(),
  /** Which browser and build: Chromium (dist/) or Firefox (dist-firefox/). */
  target: z.enum(['chromium', 'firefox']).default('chromium'),
  build: z.boolean(),
  freshProfile: z.boolean(),
});
export type StartArgs = z.infer<typeof argsSchema>;

/** Parses `npm start` flags; throws with the usage on anything unknown or invalid. */
export function parseStartArgs(argv: string[]): StartArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' }, browser: { type: 'string' }, 'no-browser': { type: 'boolean' }, 'no-build': { type: 'boolean' },
        'fresh-profile': { type: 'boolean' }, help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${START_USAGE}`);
  }
  if (values.help) return 'help';
  const parsed = argsSchema.safeParse({
    port: values.port, browser: !values['no-browser'], target: values.browser, build: !values['no-build'], freshProfile: !!values['fresh-profile'],
  });
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${START_USAGE}`);
  return parsed.data;
}

export interface StartHooks {
  /** Finds (or installs) Chromium; throws with the fix when there is none. */
  findChromium(): string;
  /** Finds (or installs) Firefox; throws with the fix when there is none. */
  findFirefox(): string;
}

/** What differs per browser in `npm start`: the build, where it lands, how it opens, how to load it by hand. */
const TARGETS = {
  chromium: { name: 'Chromium', buildScript: 'build', dist: DIST_DIR, profile: PROFILE_DIR },
  firefox: { name: 'Firefox', buildScript: 'build:firefox', dist: FIREFOX_DIST_DIR, profile: FIREFOX_PROFILE_DIR },
} as const;

const loadInstructions = (rpcUrl: string, target: StartArgs['target']) =>
  (target === 'firefox'
    ? `
Load the extension in Firefox (128 or newer):
  1. open about:debugging and choose "This Firefox"
  2. click "Load Temporary Add-on…" and choose ${path.join(FIREFOX_DIST_DIR, 'manifest.json')}
  3. pin "Surf to Earn" from the extensions (puzzle-piece) menu; browse, then open its popup`
    : `
Load the extension in Chrome or Chromium:
  1. open chrome://extensions and switch on "Developer mode" (top right)
  2. click "Load unpacked" and choose ${DIST_DIR}
  3. pin "Surf to Earn" from the puzzle-piece menu; browse, then open its popup`) +
  `
The devnet answers on ${rpcUrl} until you press Ctrl-C.`;

/** Runs the whole stack; resolves once it is up. The process exits from the signal handler. */
export async function runStart(argv: string[], hooks: StartHooks): Promise<void> {
  const parsed = parseStartArgs(argv);
  if (parsed === 'help') return console.log(START_USAGE);
  const args = parsed;

  let devnet: Devnet | undefined;
  const target = TARGETS[args.target];
  let opened: { exited: Promise<void>; stop(): Promise<void> } | undefined;
  let building: ChildProcess | undefined;
  let stopping = false;

  const stopAll = async () => {
    building?.kill('SIGTERM');
    await opened?.stop();
    await devnet?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping${opened ? ` ${target.name} and` : ''} the devnet…`);
    void stopAll().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`Could not stop cleanly: ${err instanceof Error ? err.message : err}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    devnet = await startCheckedDevnet(args.port);
    const { rpcUrl } = devnet.anvil;
    console.log(`devnet: anvil on ${rpcUrl} (chain ${devnet.deployment.chainId}), verifier ${devnet.deployment.verifier.contract}`);
    console.log('  addresses match deployments/31337.json (bundled by the extension)');
    if (args.port !== DEVNET_PORT) {
      console.log(`  note: the extension's devnet setting uses port ${DEVNET_PORT}; for port ${args.port} choose a custom network in its options`);
    }

    const created = await createDemoPools(rpcUrl);
    console.log('demo pools (created with `npm run pool -- create`):');
    DEMO_POOLS.forEach((p, i) => console.log(`  #${created[i].poolId} ${p.name} (${p.sponsor}) ${p.categories.join(',')} · ${p.budget} SURFT · ${created[i].pool}`));

    if (args.build) {
      console.log(`build: npm run ${target.buildScript}`);
      await new Promise<void>((resolve, reject) => {
        building = spawn('npm', ['run', '--silent', target.buildScript], { cwd: ROOT, stdio: 'inherit' });
        building.once('error', reject);
        building.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the build failed (${code ?? signal}); see above`))));
      });
      building = undefined;
    }

    if (args.browser && hasDisplay()) {
      opened =
        args.target === 'firefox'
          ? await launchFirefox(hooks.findFirefox(), { freshProfile: args.freshProfile })
          : await launchChromium(hooks.findChromium(), { freshProfile: args.freshProfile });
      console.log(`${args.target}: opened with the extension from ${target.dist} (profile ${target.profile})`);
      void opened.exited.then(() => {
        if (!stopping) console.log(`${target.name} closed. The devnet keeps running; press Ctrl-C to stop it.`);
      });
    } else {
      const how = loadInstructions(rpcUrl, args.target);
      console.log(args.browser ? `No display ($DISPLAY / $WAYLAND_DISPLAY), so no browser window.${how}` : how);
    }
    const listHint = `npm run pool -- list${args.port === DEVNET_PORT ? '' : ` --rpc ${rpcUrl}`}`;
    console.log(`\nready: devnet ${rpcUrl}, ${created.length} demo pools (${listHint}). Ctrl-C stops everything.`);
  } catch (err) {
    if (stopping) return; // a signal arrived mid-start: onSignal exits
    console.error(`\nnpm start: ${err instanceof Error ? err.message : err}`);
    stopping = true;
    await stopAll();
    process.exit(1);
  }
}
