import { z } from 'zod';
import { CATEGORY_KEYS, type CategoryKey } from './categories';
import { footprintSnapshotSchema, originSchema } from './footprint';
import { CONTENT_MESSAGE_TYPES, UI_MESSAGE_TYPES } from './message-types';
import { hostSchema, settingsPatchSchema, settingsSchema } from './settings';
import { earningMessageSchemas, earningReplyDataSchemas } from './earning-messages';
import { errorCodeSchema, type ErrorCode } from './error-codes';

/**
 * The one message contract. Each message has a zod schema; types are inferred.
 * Names say their direction: `content/…` come from content scripts (the only
 * ones a content script may send), `ui/…` from extension pages.
 * The service worker parses every message before any handler runs.
 * Every reply is `{ ok: true, data }` or an ErrorReply.
 */

export { CONTENT_MESSAGE_TYPES, UI_MESSAGE_TYPES };

// ---------------------------------------------------------------- content → worker

/**
 * content → worker: a cumulative snapshot of one page view, the content script's only message
 * (it is registered only while capture is on, and asks nothing first). Answer: { stored } only;
 * `stored: false` (the site is not captured now) stops capture on that page.
 */
export const footprintRecordSchema = z
  .object({ type: z.literal('content/footprint'), footprint: footprintSnapshotSchema })
  .strict();

export const contentMessageSchema = z.discriminatedUnion('type', [footprintRecordSchema]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

// ---------------------------------------------------------------- ui → worker

const categoryKeySchema = z.enum(CATEGORY_KEYS as unknown as [CategoryKey, ...CategoryKey[]]);
export const siteRuleSchema = z.enum(['deny', 'allow', 'none']);
export type SiteRule = z.infer<typeof siteRuleSchema>;

/** Status for the popup; `tabOrigin` is the current tab's origin (never a URL). */
export const uiStatusSchema = z.object({ type: z.literal('ui/status'), tabOrigin: originSchema.optional() }).strict();
export const uiSetPausedSchema = z.object({ type: z.literal('ui/set-paused'), paused: z.boolean() }).strict();
/** Rules match the host and all its subdomains; 'none' removes the host from both lists. */
export const uiSetSiteRuleSchema = z
  .object({ type: z.literal('ui/set-site-rule'), domain: hostSchema, rule: siteRuleSchema })
  .strict();
export const uiSettingsGetSchema = z.object({ type: z.literal('ui/settings-get') }).strict();
export const uiSettingsUpdateSchema = z
  .object({ type: z.literal('ui/settings-update'), patch: settingsPatchSchema })
  .strict();
export const VAULT_PAGE_MAX = 200;
export const uiVaultListSchema = z
  .object({
    type: z.literal('ui/vault-list'),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(VAULT_PAGE_MAX),
  })
  .strict();
export const uiExportSchema = z.object({ type: z.literal('ui/export') }).strict();
/** The literal 'DELETE' is the user's typed confirmation; nothing else deletes. */
export const uiDeleteAllSchema = z.object({ type: z.literal('ui/delete-all'), confirm: z.literal('DELETE') }).strict();

export const uiMessageSchema = z.discriminatedUnion('type', [
  uiStatusSchema,
  uiSetPausedSchema,
  uiSetSiteRuleSchema,
  uiSettingsGetSchema,
  uiSettingsUpdateSchema,
  uiVaultListSchema,
  uiExportSchema,
  uiDeleteAllSchema,
  ...earningMessageSchemas,
]);
export type UiMessage = z.infer<typeof uiMessageSchema>;

// ---------------------------------------------------------------- replies (data)

export const siteStateSchema = z.enum([
  'capturing',
  'paused',
  'excluded_user',
  'sensitive_category',
  'sensitive_page',
  'unsupported',
]);
export type SiteState = z.infer<typeof siteStateSchema>;

const nat = z.number().int().min(0);

export const siteEarningsSchema = z.object({
  domain: z.string(),
  category: categoryKeySchema,
  points: nat,
  visits: nat,
  activeSeconds: nat,
});
export type SiteEarnings = z.infer<typeof siteEarningsSchema>;

/** A cap that cut points, so the UI can explain it (`lost` = points it took away). */
export const capHitSchema = z.object({
  kind: z.enum(['day_cap', 'domain_day_cap', 'visit_cap', 'interaction_cap', 'dwell_tier', 'min_active']),
  domain: z.string().optional(),
  lost: nat,
});
export type CapHit = z.infer<typeof capHitSchema>;

export const uiStatusDataSchema = z.object({
  paused: z.boolean(),
  /** Absent when the popup has no http(s) tab. */
  site: z
    .object({ domain: z.string(), state: siteStateSchema, rule: siteRuleSchema, category: categoryKeySchema.optional() })
    .optional(),
  today: z.object({ day: nat, points: nat, cap: nat }),
  epoch: z.object({ number: nat, points: nat, firstDay: nat, lastDay: nat }),
  categories: z.array(z.object({ category: categoryKeySchema, points: nat })),
  sites: z.array(siteEarningsSchema),
  caps: z.array(capHitSchema),
});
export type UiStatus = z.infer<typeof uiStatusDataSchema>;

export const footprintRowSchema = z.object({
  id: z.string(),
  domain: z.string(),
  category: categoryKeySchema,
  startedAt: nat,
  day: nat,
  activeMs: nat,
  scrollDepth: nat,
  interactions: nat,
});
export type FootprintRow = z.infer<typeof footprintRowSchema>;

export const vaultPageSchema = z.object({ items: z.array(footprintRowSchema), total: nat });
export type VaultPage = z.infer<typeof vaultPageSchema>;

export const deleteAllDataSchema = z.object({ deleted: nat });

/** The data of a successful reply, by message type. Tests check every reply against these. */
export const uiReplyDataSchemas = {
  'ui/status': uiStatusDataSchema,
  'ui/set-paused': settingsSchema,
  'ui/set-site-rule': settingsSchema,
  'ui/settings-get': settingsSchema,
  'ui/settings-update': settingsSchema,
  'ui/vault-list': vaultPageSchema,
  /** Pretty-printed JSON of the whole vault and settings (see src/vault/export.ts). */
  'ui/export': z.string(),
  'ui/delete-all': deleteAllDataSchema,
  ...earningReplyDataSchemas,
} as const satisfies Record<UiMessage['type'], z.ZodType>;

export const contentReplyDataSchemas = {
  'content/footprint': z.object({ stored: z.boolean() }).strict(),
} as const satisfies Record<ContentMessage['type'], z.ZodType>;

export type UiReplyData<T extends UiMessage['type']> = z.infer<(typeof uiReplyDataSchemas)[T]>;
export type ContentReplyData<T extends ContentMessage['type']> = z.infer<(typeof contentReplyDataSchemas)[T]>;

// ---------------------------------------------------------------- errors

/** Every error the worker answers with (src/shared/error-codes.ts); the UI localises `code`. */
export { errorCodeSchema, type ErrorCode };

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export interface OkReply<T> {
  ok: true;
  data: T;
}
export type Reply<T> = OkReply<T> | ErrorReply;

export const errorReplySchema = z
  .object({ ok: z.literal(false), error: z.object({ code: errorCodeSchema, message: z.string() }).strict() })
  .strict();

// Compile-time check that the name lists match the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _contentNames: Same<(typeof CONTENT_MESSAGE_TYPES)[number], ContentMessage['type']> = true;
const _uiNames: Same<(typeof UI_MESSAGE_TYPES)[number], UiMessage['type']> = true;
