import { describe, expect, it } from 'vitest';
import { shortTokenId } from '../../src/ui/format';

describe('shortTokenId', () => {
  it('keeps short ids and elides the middle of a holder << 96 | epoch id', () => {
    expect(shortTokenId('2969')).toBe('2969');
    const id = ((0x6a17283c57b7739219a3222e19cbf978d643be94n << 96n) | 2969n).toString();
    const short = shortTokenId(id);
    expect(short.length).toBeLessThan(16);
    expect(short.startsWith(id.slice(0, 6))).toBe(true);
    expect(short.endsWith(id.slice(-6))).toBe(true);
  });
});
