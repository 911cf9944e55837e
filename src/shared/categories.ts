/**
 * The category taxonomy. One source of truth: the numeric `id` is what the
 * circuit, the contracts (as bits of a pool's category mask) and the vault use,
 * so ids are append-only and never reused.
 */
export const CATEGORIES = [
  { id: 0, key: 'other', sensitive: false },
  { id: 1, key: 'crypto', sensitive: false },
  { id: 2, key: 'nft', sensitive: false },
  { id: 3, key: 'news', sensitive: false },
  { id: 4, key: 'politics', sensitive: false },
  { id: 5, key: 'social', sensitive: false },
  { id: 6, key: 'finance', sensitive: false },
  { id: 7, key: 'shopping', sensitive: false },
  { id: 8, key: 'tech', sensitive: false },
  { id: 9, key: 'ai', sensitive: false },
  { id: 10, key: 'gaming', sensitive: false },
  { id: 11, key: 'entertainment', sensitive: false },
  { id: 12, key: 'education', sensitive: false },
  { id: 13, key: 'travel', sensitive: false },
  { id: 14, key: 'sports', sensitive: false },
  { id: 15, key: 'health', sensitive: true },
  { id: 16, key: 'adult', sensitive: true },
  { id: 17, key: 'banking', sensitive: true },
  { id: 18, key: 'government', sensitive: true },
] as const;

export type CategoryKey = (typeof CATEGORIES)[number]['key'];
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** Number of category ids; a pool's mask has this many meaningful bits. */
export const CATEGORY_COUNT = CATEGORIES.length;

/** Bits reserved for a category id in a leaf (ids < 2^CATEGORY_BITS). */
export const CATEGORY_BITS = 5;

export const CATEGORY_KEYS = CATEGORIES.map((c) => c.key) as readonly CategoryKey[];

const byKey = new Map<string, (typeof CATEGORIES)[number]>(CATEGORIES.map((c) => [c.key, c]));

export function categoryId(key: CategoryKey): CategoryId {
  return byKey.get(key)!.id;
}

export function categoryKey(id: number): CategoryKey {
  const c = CATEGORIES[id];
  if (!c) throw new RangeError(`unknown category id ${id}`);
  return c.key;
}

export function isCategoryKey(value: string): value is CategoryKey {
  return byKey.has(value);
}

/** Categories never captured unless the user opts in explicitly. */
export const DEFAULT_EXCLUDED_CATEGORIES: readonly CategoryKey[] = CATEGORIES.filter(
  (c) => c.sensitive,
).map((c) => c.key);

/** A pool's category mask from category keys: bit `id` set for each key. */
export function categoryMask(keys: readonly CategoryKey[]): bigint {
  let mask = 0n;
  for (const k of keys) mask |= 1n << BigInt(categoryId(k));
  return mask;
}

export function categoriesInMask(mask: bigint): CategoryKey[] {
  return CATEGORIES.filter((c) => (mask >> BigInt(c.id)) & 1n).map((c) => c.key);
}
