import { CATEGORIES } from '../shared/categories';
import { classifyHost, type Classification } from '../shared/classifier';
import { hostInList } from '../shared/domain';
import type { SiteRule, SiteState } from '../shared/messages';
import type { Settings } from '../shared/settings';

export interface SiteDecision {
  state: SiteState;
  rule: SiteRule;
  classification: Classification;
}

/**
 * Whether a host may be captured, and why not. Order of precedence:
 * paused → deny list → allow list (a per-site opt-in that overrides a
 * category exclusion) → excluded categories (sensitive ones by default).
 * `sensitive_page` is decided in the content script from the path, which the
 * worker never sees.
 */
export function decideSite(host: string, settings: Settings): SiteDecision {
  const classification = classifyHost(host);
  const rule: SiteRule = hostInList(host, settings.denyList)
    ? 'deny'
    : hostInList(host, settings.allowList)
      ? 'allow'
      : 'none';
  const state = ((): SiteState => {
    if (settings.paused) return 'paused';
    if (rule === 'deny') return 'excluded_user';
    if (rule === 'allow') return 'capturing';
    if (settings.excludedCategories.includes(classification.category)) {
      return CATEGORIES[classification.categoryId].sensitive ? 'sensitive_category' : 'excluded_user';
    }
    return 'capturing';
  })();
  return { state, rule, classification };
}

/** Sets `rule` for `domain`, clearing every entry of either list that covers it or that it covers. Pure. */
export function withSiteRule(settings: Settings, domain: string, rule: SiteRule): Settings {
  const related = (entry: string) => entry === domain || entry.endsWith(`.${domain}`) || domain.endsWith(`.${entry}`);
  const allowList = settings.allowList.filter((e) => !related(e));
  const denyList = settings.denyList.filter((e) => !related(e));
  if (rule === 'allow') allowList.push(domain);
  if (rule === 'deny') denyList.push(domain);
  return { ...settings, allowList: allowList.sort(), denyList: denyList.sort() };
}
