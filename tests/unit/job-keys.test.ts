import { describe, expect, it } from 'vitest';
import { poolJobKey } from '../../src/background/handlers/earn';
import type { JobChain } from '../../src/background/jobs/job-chain';

const on = (chainId: number) => ({ network: { chainId } }) as Pick<JobChain, 'network'>;

describe('pool job keys', () => {
  it('name the chain: the same CREATE2 pool and token on two networks are two intents', () => {
    const msg = { pool: '0xAbC0000000000000000000000000000000000001', tokenId: '41' };
    expect(poolJobKey(on(31337), msg)).toBe('31337:0xabc0000000000000000000000000000000000001:41');
    expect(poolJobKey(on(84532), msg)).not.toBe(poolJobKey(on(31337), msg));
  });
});
