import { describe, expect, it } from 'vitest';
import { readSources } from './helpers/source-files';
import { JOB_STARTING_TYPES, UI_HANDLERS } from '../../src/background/handlers';

describe('job-starting messages (meta)', () => {
  it('are derived from the handler registry: the handlers built by jobStarter, not the ui/job poll', () => {
    expect([...JOB_STARTING_TYPES].sort()).toEqual(['ui/claim', 'ui/exit', 'ui/prove-now', 'ui/stake', 'ui/unstake']);
    for (const type of JOB_STARTING_TYPES) expect(Object.keys(UI_HANDLERS)).toContain(type);
  });

  it('open a job only through jobStarter, so a new job-starting handler cannot miss the tag', () => {
    const calls = readSources()
      .filter((f) => f.path !== 'src/vault/jobs.ts') // where openJob is defined
      .flatMap((f) => [...f.text.matchAll(/\bopenJob\(/g)].map((m) => ({ ...f, at: m.index })));
    expect(calls.map((c) => c.path)).toEqual(['src/background/handlers/earn.ts']);
    const { text, at } = calls[0];
    const start = text.indexOf('function jobStarter');
    const end = text.indexOf('\n}\n', start);
    expect(start).toBeGreaterThan(-1);
    expect(at).toBeGreaterThan(start);
    expect(at).toBeLessThan(end);
  });
});
