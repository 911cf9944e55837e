/**
 * What the consent screen shows before a stake: every row the pool owner will
 * receive, or the totals, and how many bytes the envelope adds to the stake
 * transaction. Derived from the payload itself, so what is shown is what is sent.
 */
import { SCORING } from '../scoring/constants.ts';
import { envelopeSizeFor } from './envelope.ts';
import { encodeDeliveryPayload } from './payload-codec.ts';
import type { DeliveryPayload, TotalsBatch } from './payload.ts';
import { viewRecord } from './record-view.ts';

export interface ConsentRow {
  domain: string;
  /** Taxonomy key of the category. */
  category: string;
  /** YYYY-MM-DD. */
  date: string;
  activeSeconds: number;
  visits: number;
  interactions: number;
}

export interface ConsentTotals {
  activeSeconds: number;
  visits: number;
  interactions: number;
  /** Domain-days counted in the pool's categories. */
  activeDomainDays: number;
}

export interface DeliveryDescription {
  tier: DeliveryPayload['tier'];
  /** The records, sorted by date then domain (empty for the totals tier). */
  rows: ConsentRow[];
  /** The week's totals over every batch (totals tier only). */
  totals?: ConsentTotals;
  /** Bytes of the encoded payload. */
  payloadBytes: number;
  /** Bytes of the sealed envelope (a padding bucket) the transaction carries. */
  envelopeBytes: number;
}

/** Describes a payload of `epoch` for the consent screen. */
export function describeDelivery(payload: DeliveryPayload, epoch: number): DeliveryDescription {
  const payloadBytes = encodeDeliveryPayload(payload).length;
  const envelopeBytes = envelopeSizeFor(payloadBytes);
  if (payload.tier === 'totals') {
    const batches: readonly TotalsBatch[] = payload.batches;
    const sum = (f: (b: TotalsBatch) => number) => batches.reduce((s, b) => s + f(b), 0);
    const totals: ConsentTotals = {
      activeSeconds: sum((b) => b.activeUnits) * SCORING.TIER1_SECONDS_PER_POINT,
      visits: sum((b) => b.visits),
      interactions: sum((b) => b.interactionUnits) * SCORING.INTERACTIONS_PER_POINT,
      activeDomainDays: sum((b) => b.count),
    };
    return { tier: payload.tier, rows: [], totals, payloadBytes, envelopeBytes };
  }
  const rows = payload.batches
    .flatMap((b) => b.records.map((r) => viewRecord(r, epoch)))
    .sort((a, b) => a.day - b.day || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))
    .map((v): ConsentRow => ({
      domain: v.domain,
      category: v.categoryKey,
      date: v.date,
      activeSeconds: v.activeSeconds,
      visits: v.visits,
      interactions: v.interactions,
    }));
  return { tier: payload.tier, rows, payloadBytes, envelopeBytes };
}
