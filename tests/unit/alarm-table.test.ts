import { describe, expect, it, vi } from 'vitest';
import { readSources } from './helpers/source-files';
import { ALARM_TABLE, dispatchAlarm, type AlarmDeps, type AlarmHandler } from '../../src/background/alarm-table';

const files = readSources();

/** Every alarm name constant in src: `const X_ALARM = 'name'` → identifier → name. */
const alarmNames = new Map<string, string>();
for (const f of files) for (const m of f.text.matchAll(/\bconst ([A-Z][A-Z0-9_]*_ALARM)\s*=\s*'([^']+)'/g)) alarmNames.set(m[1], m[2]);

/** Browser adapters that only pass a caller's name through to alarms.create. */
const FORWARDERS = new Set(['src/background/prover/chrome-deps.ts', 'src/background/prover/firefox-deps.ts']);

describe('alarm table (meta)', () => {
  it('every alarm created anywhere in src is named by an *_ALARM constant that has a handler in the table', () => {
    const created = files.flatMap((f) => [...f.text.matchAll(/\balarms\.create\(\s*([^,)]+)/g)].map((m) => ({ file: f.path, arg: m[1].trim() })));
    expect(created.length).toBeGreaterThanOrEqual(5);
    for (const { file, arg } of created) {
      if (FORWARDERS.has(file) && arg === 'name') continue;
      expect(alarmNames.has(arg), `${file}: alarms.create(${arg}) must name its alarm with an *_ALARM constant`).toBe(true);
      expect(ALARM_TABLE.has(alarmNames.get(arg)!), `${file}: ${arg} has no handler in src/background/alarm-table.ts`).toBe(true);
    }
  });

  it('has an entry for every alarm name and nothing else', () => {
    expect(new Set(ALARM_TABLE.keys())).toEqual(new Set(alarmNames.values()));
  });

  it('is read by the worker\'s only onAlarm listener', () => {
    const listeners = files.flatMap((f) => [...f.text.matchAll(/\bonAlarm\??\.addListener\(/g)].map(() => f.path));
    // create-prover.ts listens only when its caller passes `alarms.onAlarm` (unit tests, the bench build).
    // One wiring for both browsers' entries (index.ts for Chrome, firefox.ts for Firefox).
    expect(listeners.sort()).toEqual(['src/background/prover/create-prover.ts', 'src/background/start-background.ts']);
    expect(files.find((f) => f.path === 'src/background/start-background.ts')!.text).toContain('dispatchAlarm(alarm.name');
  });
});

describe('dispatchAlarm', () => {
  const deps = {} as AlarmDeps;

  it('runs the handler of the name, ignores unknown names and logs a failure instead of throwing', async () => {
    const run = vi.fn<AlarmHandler>(async () => undefined);
    const broken = vi.fn<AlarmHandler>(async () => {
      throw new Error('boom');
    });
    const table = new Map<string, AlarmHandler>([
      ['a', run],
      ['b', broken],
    ]);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await dispatchAlarm('a', deps, table);
      expect(run).toHaveBeenCalledWith(deps);
      await expect(dispatchAlarm('unknown', deps, table)).resolves.toBeUndefined();
      await expect(dispatchAlarm('toString', deps, table)).resolves.toBeUndefined();
      await expect(dispatchAlarm('b', deps, table)).resolves.toBeUndefined();
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][0])).toContain('alarm b failed');
    } finally {
      logged.mockRestore();
    }
  });
});
