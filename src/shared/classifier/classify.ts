import { categoryId, type CategoryKey } from '../categories';
import { registrableDomain } from '../domain';
import { DOMAIN_LISTS } from './domain-lists';
import { KEYWORD_RULES } from './keyword-rules';

/** How a category was decided; shown in docs and useful when a user asks "why this category?". */
export type ClassificationSource = 'list' | 'keyword' | 'default';

export interface Classification {
  category: CategoryKey;
  categoryId: number;
  /** Registrable domain of the host (the vault's site key). */
  domain: string;
  source: ClassificationSource;
}

const LIST_INDEX: ReadonlyMap<string, CategoryKey> = (() => {
  const index = new Map<string, CategoryKey>();
  for (const [category, hosts] of Object.entries(DOMAIN_LISTS) as [CategoryKey, readonly string[]][]) {
    for (const host of hosts) {
      // A host listed twice is a data bug: the test suite checks there are none.
      if (!index.has(host)) index.set(host, category);
    }
  }
  return index;
})();

/** The listed category of a host: the host itself, then each parent, most specific first. */
function listCategory(host: string): CategoryKey | undefined {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const hit = LIST_INDEX.get(labels.slice(i).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

function keywordCategory(host: string): CategoryKey | undefined {
  const words = new Set(host.split(/[.-]/));
  for (const rule of KEYWORD_RULES) {
    if (rule.suffixes?.some((s) => host === s || host.endsWith(`.${s}`))) return rule.category;
    if (rule.words?.some((w) => words.has(w))) return rule.category;
  }
  return undefined;
}

/**
 * Category of a host, deterministic and offline: domain lists first (most
 * specific host wins), then hostname keyword rules, else 'other'. Only the
 * host is looked at: the classifier never sees a path or page content.
 */
export function classifyHost(rawHost: string): Classification {
  const host = rawHost.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  const domain = registrableDomain(host);
  const listed = listCategory(host);
  const keyword = listed ? undefined : keywordCategory(host);
  const category = listed ?? keyword ?? 'other';
  const source: ClassificationSource = listed ? 'list' : keyword ? 'keyword' : 'default';
  return { category, categoryId: categoryId(category), domain, source };
}

/** All listed hosts, for tests and docs. */
export function listedHosts(): ReadonlyMap<string, CategoryKey> {
  return LIST_INDEX;
}
