/**
 * A delivered record in words and units a person (or a dataset) reads: the
 * measures exactly as the leaf commits them, with seconds and interactions at
 * the leaf's resolution (10 s and 10 interactions; saturated at 4,095 units,
 * 255 visits and 255 interaction units).
 */
import { SCORING } from '../scoring/constants.ts';
import { CATEGORIES } from '../shared/categories.ts';
import { unpackLeaf } from '../zk/leaf.ts';
import type { DeliveryRecord } from './payload.ts';

export interface RecordView {
  domain: string;
  /** Days since 1970-01-01 (the user's local calendar). */
  day: number;
  /** The day as YYYY-MM-DD. */
  date: string;
  category: number;
  /** The taxonomy key (src/shared/categories.ts), or `category-<id>` for an id it does not name. */
  categoryKey: string;
  activeUnits: number;
  /** activeUnits × 10: the active time at the leaf's resolution. */
  activeSeconds: number;
  visits: number;
  interactionUnits: number;
  /** interactionUnits × 10: the trusted interactions at the leaf's resolution. */
  interactions: number;
}

const DAY_MS = 86_400_000;

/** The calendar date of a day number (days since 1970-01-01), as YYYY-MM-DD. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The taxonomy key of a category id. */
export function categoryLabel(id: number): string {
  return CATEGORIES[id]?.key ?? `category-${id}`;
}

/** Reads one record of `epoch`. */
export function viewRecord(record: DeliveryRecord, epoch: number): RecordView {
  const m = unpackLeaf(record.packed, epoch);
  return {
    domain: record.domain,
    day: m.day,
    date: isoDate(m.day),
    category: m.category,
    categoryKey: categoryLabel(m.category),
    activeUnits: m.activeUnits,
    activeSeconds: m.activeUnits * SCORING.TIER1_SECONDS_PER_POINT,
    visits: m.visits,
    interactionUnits: m.interactionUnits,
    interactions: m.interactionUnits * SCORING.INTERACTIONS_PER_POINT,
  };
}
