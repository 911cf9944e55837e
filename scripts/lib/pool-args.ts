/**
 * zod schemas for the pool CLI's arguments: every value is checked and converted
 * once, with a message that says what was expected.
 */
import { z } from 'zod';
import { isAddress, type Address } from 'viem';
import { CATEGORY_KEYS, isCategoryKey, type CategoryKey } from '../../src/shared/categories.ts';

export const addressArg = z
  .string()
  .refine((v) => isAddress(v), { message: 'expected a 0x-prefixed 20-byte address' })
  .transform((v) => v as Address);

/** Decimal token amount in whole tokens, e.g. "1000" or "0.5" (converted with the token's decimals later). */
export const amountArg = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'expected a positive decimal number such as 1000 or 0.5')
  .refine((v) => Number(v) > 0, 'must be greater than zero');

const DURATION = /^(\d+)([smhdw])$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };

/** "now", unix seconds, an ISO date, or "+7d" relative to now. */
export function parseTime(value: string, nowSeconds: number): number | null {
  if (value === 'now') return nowSeconds;
  if (/^\d{9,11}$/.test(value)) return Number(value);
  const rel = value.startsWith('+') ? DURATION.exec(value.slice(1)) : null;
  if (rel) return nowSeconds + Number(rel[1]) * UNIT_SECONDS[rel[2]];
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

export const timeArg = (now: number) =>
  z.string().transform((v, ctx) => {
    const t = parseTime(v, now);
    if (t === null) {
      ctx.addIssue({ code: 'custom', message: 'expected "now", unix seconds, an ISO date (2026-12-01T00:00Z) or +7d / +12h' });
      return z.NEVER;
    }
    return t;
  });

export const categoriesArg = z.string().transform((v, ctx) => {
  const keys = v.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  const unknown = keys.filter((k) => !isCategoryKey(k));
  if (keys.length === 0 || unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${unknown.length ? `unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; ` : ''}choose from ${CATEGORY_KEYS.join(', ')}`,
    });
    return z.NEVER;
  }
  return [...new Set(keys)] as CategoryKey[];
});

export const commonSchema = z.object({
  rpc: z.url({ message: 'expected an http(s) URL such as http://127.0.0.1:8545' }).default('http://127.0.0.1:8545'),
  deployments: z.string().optional(),
  'key-file': z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export const createSchema = (now: number) =>
  commonSchema
    .extend({
      categories: categoriesArg,
      budget: amountArg,
      token: addressArg.optional(),
      start: timeArg(now).default(now),
      end: timeArg(now),
      'min-points': z.coerce.number({ message: 'expected a whole number' }).int().min(0).default(1),
      name: z.string().min(1, 'a pool needs a name').max(80),
      sponsor: z.string().min(1, 'say who sponsors the pool').max(80),
      description: z.string().max(1000).default(''),
      delivery: z.enum(['none', 'records', 'totals'], { message: 'expected records, totals or none' }).default('none'),
      'delivery-key': z.string().min(1).optional(),
      review: z.string().regex(/^\d+[smhdw]$/, 'expected a duration such as 3d or 12h').default('7d'),
      terms: z.string().max(1000).optional(),
      license: z.string().regex(/^[a-z0-9.-]{1,64}$/, 'expected a licence id such as cc-by-nc-4.0').optional(),
    })
    .refine((a) => a.delivery === 'none' || a['delivery-key'], { message: 'a delivery pool needs --delivery-key FILE (make one with: npm run pool -- keygen --out FILE)', path: ['delivery-key'] })
    .refine((a) => a.delivery === 'none' || a.terms, { message: 'a delivery pool needs --terms "what the data is for and how it is used" (the popup shows it before a user consents)', path: ['terms'] })
    .refine((a) => a.delivery !== 'none' || !a['delivery-key'], { message: '--delivery-key needs --delivery records or totals', path: ['delivery-key'] })
    .refine((a) => a.end > a.start, { message: '--end must be after --start', path: ['end'] })
    .refine((a) => a.end > now, { message: '--end must be in the future', path: ['end'] });

/** A pool by id (1, 2, …) or address. */
export const poolRefArg = z.union([addressArg, z.coerce.number({ message: 'expected a pool id or address' }).int().positive()]);

export const fundSchema = commonSchema.extend({ pool: poolRefArg, amount: amountArg });
export const showSchema = commonSchema.extend({ pool: poolRefArg });
export const sweepSchema = commonSchema.extend({ pool: poolRefArg, to: addressArg.optional() });
export const listSchema = commonSchema;
export const keygenSchema = z.object({ out: z.string().min(1, 'where to write the key: --out FILE'), json: z.boolean().default(false) });
export const pullSchema = commonSchema.extend({ pool: poolRefArg, out: z.string().min(1, 'the dataset directory: --out DIR'), 'delivery-key': z.string().min(1, 'the pool\'s delivery key: --delivery-key FILE') });
export const rejectSchema = commonSchema.extend({
  pool: poolRefArg,
  token: z.string().regex(/^\d+$/, 'expected the token id (decimal)').transform((v) => BigInt(v)),
  reason: z.string().regex(/^[\x20-\x7e]{1,31}$/, 'expected a short reason code (1 to 31 ASCII characters)').default('failed-verification'),
});

/** Seconds in a duration such as 3d or 12h. */
export function durationSeconds(value: string): number {
  const m = DURATION.exec(value);
  if (!m) throw new Error(`not a duration: ${value}`);
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}
