import { describe, expect, it } from 'vitest';
import { withSignerLock } from '../../src/chain/signer-lock.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('withSignerLock', () => {
  it('runs one holder per address at a time, in order, whatever the case of the address', async () => {
    const log: string[] = [];
    const holder = (name: string, address: string) =>
      withSignerLock(address, async () => {
        log.push(`${name} in`);
        await tick();
        await tick();
        log.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([holder('a', '0xAbC0'), holder('b', '0xabc0'), holder('c', '0xABC0')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('lets other addresses run meanwhile, and a failing holder does not block the next', async () => {
    const log: string[] = [];
    let release!: () => void;
    const blocked = withSignerLock('0x01', () => new Promise<void>((r) => (release = r)));
    await withSignerLock('0x02', async () => void log.push('other address'));
    expect(log).toEqual(['other address']);
    const failing = withSignerLock('0x01', async () => {
      throw new Error('boom');
    });
    const next = withSignerLock('0x01', async () => 'next');
    release();
    await blocked;
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
