import type { CategoryKey } from '../shared/categories';
import { sendUi, type Result } from './messaging';

/**
 * Typed calls for every `ui/…` message the pages send. Components import
 * these, never chrome.runtime, so aligning with the worker's contract
 * (src/shared/messages.ts) touches this file only.
 */

export type SiteState = 'capturing' | 'paused' | 'excluded_user' | 'sensitive_category' | 'sensitive_page' | 'unsupported';
export type SiteRule = 'deny' | 'allow' | 'none';

export interface SiteEarnings {
  domain: string;
  category: CategoryKey;
  points: number;
  visits: number;
  activeSeconds: number;
}

export interface CapHit {
  kind: 'day_cap' | 'domain_day_cap' | 'visit_cap' | 'interaction_cap' | 'dwell_tier' | 'min_active';
  domain?: string;
  /** Points the cap took away (0 when not computed). */
  lost: number;
}

export interface UiStatus {
  paused: boolean;
  site?: { domain: string; state: SiteState; rule: SiteRule; category?: CategoryKey };
  today: { points: number; cap: number };
  epoch: { number: number; points: number };
  categories: { category: CategoryKey; points: number }[];
  sites: SiteEarnings[];
  caps: CapHit[];
}

export interface UiSettings {
  paused: boolean;
  excludedCategories: CategoryKey[];
  allowList: string[];
  denyList: string[];
  retentionDays: number;
}

export interface FootprintRow {
  id: string;
  domain: string;
  category: CategoryKey;
  startedAt: number;
  activeMs: number;
  scrollDepth: number;
  interactions: number;
}

export interface VaultPage {
  items: FootprintRow[];
  total: number;
}

export const getStatus = (tabOrigin?: string): Promise<Result<UiStatus>> =>
  sendUi<UiStatus>(tabOrigin ? { type: 'ui/status', tabOrigin } : { type: 'ui/status' });

export const setPaused = (paused: boolean): Promise<Result<unknown>> => sendUi({ type: 'ui/set-paused', paused });

export const setSiteRule = (domain: string, rule: SiteRule): Promise<Result<unknown>> =>
  sendUi({ type: 'ui/set-site-rule', domain, rule });

export const getSettings = (): Promise<Result<UiSettings>> => sendUi<UiSettings>({ type: 'ui/settings-get' });

export const updateSettings = (patch: Partial<UiSettings>): Promise<Result<UiSettings>> =>
  sendUi<UiSettings>({ type: 'ui/settings-update', patch });

export const listVault = (offset: number, limit: number): Promise<Result<VaultPage>> =>
  sendUi<VaultPage>({ type: 'ui/vault-list', offset, limit });

export const exportVault = (): Promise<Result<string>> => sendUi<string>({ type: 'ui/export' });

export const deleteAll = (): Promise<Result<unknown>> => sendUi({ type: 'ui/delete-all', confirm: 'DELETE' });
