import { describe, expect, it } from 'vitest';
import type { EligibilityReason, JobView, PoolView } from '../../src/ui/api';
import { mintCandidate, type EpochView } from '../../src/ui/epochs';
import { isOpenJob, jobPercent, jobSteps } from '../../src/ui/jobs';
import { poolEligibility } from '../../src/popup/pool-eligibility';

const job = (over: Partial<JobView>): JobView => ({ id: 'j', kind: 'mint', state: 'queued', progress: 0, createdAt: 0, updatedAt: 0, ...over });

describe('jobs', () => {
  it('is open until done or failed', () => {
    expect(isOpenJob(job({ state: 'proving' }))).toBe(true);
    expect(isOpenJob(job({ state: 'done' }))).toBe(false);
    expect(isOpenJob(job({ state: 'failed' }))).toBe(false);
  });

  it('proof jobs show the proof steps, transaction jobs only the transaction steps', () => {
    expect(jobSteps('mint', 'proving')).toEqual(['queued', 'building', 'proving', 'submitting', 'confirming']);
    expect(jobSteps('claim', 'submitting')).toEqual(['queued', 'submitting', 'confirming']);
    // A state outside the kind's usual steps still finds its place.
    expect(jobSteps('exit', 'building')).toContain('building');
  });

  it('overall progress grows through the steps and ends at 100', () => {
    const states = ['queued', 'building', 'proving', 'submitting', 'confirming'] as const;
    const values = states.map((state) => jobPercent(job({ state, progress: 50 })));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(jobPercent(job({ state: 'proving', progress: 0 }))).toBe(40);
    expect(jobPercent(job({ state: 'proving', progress: 100 }))).toBe(60);
    expect(jobPercent(job({ state: 'proving', progress: 250 }))).toBe(60);
    expect(jobPercent(job({ state: 'done' }))).toBe(100);
  });
});

describe('epochs', () => {
  const e = (epoch: number, over: Partial<EpochView> = {}): EpochView => ({ epoch, firstDay: epoch * 7, lastDay: epoch * 7 + 6, points: 10, finished: true, minted: false, ...over });

  it('mints the latest finished, unminted week with points', () => {
    expect(mintCandidate([e(1), e(3), e(2)])?.epoch).toBe(3);
    expect(mintCandidate([e(1), e(2, { minted: true }), e(3, { finished: false })])?.epoch).toBe(1);
    expect(mintCandidate([e(1, { points: 0 }), e(2, { finished: false })])).toBeUndefined();
  });
});

describe('pool eligibility', () => {
  const now = Date.UTC(2026, 11, 1);
  const pool = (over: Partial<PoolView>): PoolView => ({
    address: '0x' + '1'.repeat(40), poolId: '1', name: 'P', sponsor: 'S', description: '', categories: ['news'],
    rewardToken: { address: '0x' + '2'.repeat(40), symbol: 'T', decimals: 18 },
    start: now / 1000 - 100, end: now / 1000 + 100, funded: '1', totalWeight: '0', minPoints: 10,
    eligible: { ok: true, tokenId: '1', points: 20 }, stakes: [], estimate: '0', ...over,
  });

  it('is eligible with a token during the period', () => {
    expect(poolEligibility(pool({}), now)).toMatchObject({ ok: true, reason: 'eligible' });
  });

  it('says why not: ended, upcoming, and each worker reason code', () => {
    expect(poolEligibility(pool({ end: now / 1000 - 1 }), now).reason).toBe('ended');
    expect(poolEligibility(pool({ start: now / 1000 + 10 }), now)).toMatchObject({ ok: false, reason: 'upcoming' });
    // 'something_new' stands for a code from a newer worker: outside the enum, so cast in.
    const because = (reason: string) => poolEligibility(pool({ eligible: { ok: false, points: 0, reason: reason as EligibilityReason } }), now).reason;
    expect(because('already_staked')).toBe('staked');
    expect(because('no_token')).toBe('no_token');
    expect(because('not_enough_points')).toBe('points');
    expect(because('too_old')).toBe('too_old');
    expect(because('something_new')).toBe('other');
  });
});
