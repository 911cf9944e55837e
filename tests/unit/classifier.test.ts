import { describe, expect, it } from 'vitest';
import { classifyHost, DOMAIN_LISTS, KEYWORD_RULES } from '../../src/shared/classifier';
import { CATEGORIES, CATEGORY_KEYS, DEFAULT_EXCLUDED_CATEGORIES, type CategoryKey } from '../../src/shared/categories';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { decideSite } from '../../src/background/capture-policy';

const cases: [string, CategoryKey][] = [
  // crypto / DeFi
  ['www.coinbase.com', 'crypto'], ['accounts.binance.com', 'crypto'], ['app.uniswap.org', 'crypto'], ['etherscan.io', 'crypto'],
  ['www.coingecko.com', 'crypto'], ['bitflyer.com', 'crypto'], ['coincheck.com', 'crypto'],
  // NFT (a more specific host beats its parent: nft.coincheck.com)
  ['opensea.io', 'nft'], ['blur.io', 'nft'], ['rarible.com', 'nft'], ['magiceden.io', 'nft'], ['nft.coincheck.com', 'nft'],
  // news, including Japanese
  ['www.nytimes.com', 'news'], ['www.bbc.co.uk', 'news'], ['www3.nhk.or.jp', 'news'], ['www.asahi.com', 'news'],
  ['www.reuters.com', 'news'], ['news.yahoo.co.jp', 'news'], ['www.nikkei.com', 'news'],
  ['politico.com', 'politics'], ['www.jimin.jp', 'politics'],
  ['x.com', 'social'], ['twitter.com', 'social'], ['old.reddit.com', 'social'], ['www.facebook.com', 'social'], ['note.com', 'social'],
  ['finance.yahoo.co.jp', 'finance'], ['kabutan.jp', 'finance'], ['www.tradingview.com', 'finance'],
  ['www.amazon.co.jp', 'shopping'], ['item.rakuten.co.jp', 'shopping'], ['shopping.yahoo.co.jp', 'shopping'], ['jp.mercari.com', 'shopping'],
  ['github.com', 'tech'], ['qiita.com', 'tech'], ['zenn.dev', 'tech'],
  ['chatgpt.com', 'ai'], ['www.anthropic.com', 'ai'], ['huggingface.co', 'ai'], ['platform.openai.com', 'ai'],
  ['www.youtube.com', 'entertainment'], ['www.nicovideo.jp', 'entertainment'],
  ['travel.rakuten.co.jp', 'travel'], ['www.jalan.net', 'travel'],
  ['www.webmd.com', 'health'], ['www.pornhub.com', 'adult'], ['direct.smbc.co.jp', 'banking'], ['www.nta.go.jp', 'government'],
];

describe('classifier', () => {
  it.each(cases)('%s → %s', (host, category) => {
    expect(classifyHost(host).category).toBe(category);
  });

  it('returns the registrable domain as the site key', () => {
    expect(classifyHost('www3.nhk.or.jp').domain).toBe('nhk.or.jp');
    expect(classifyHost('news.yahoo.co.jp').domain).toBe('yahoo.co.jp');
    expect(classifyHost('alice.github.io').domain).toBe('alice.github.io');
  });

  it('falls back to hostname keyword rules, on whole words only', () => {
    expect(classifyHost('my-crypto-blog.example')).toMatchObject({ category: 'crypto', source: 'keyword' });
    expect(classifyHost('city.shibuya.lg.jp').category).toBe('government');
    expect(classifyHost('impots.gouv.fr')).toMatchObject({ category: 'government', source: 'keyword' });
    expect(classifyHost('irs.gov').category).toBe('government');
    expect(classifyHost('cs.example.edu').category).toBe('education');
    expect(classifyHost('tokyo-news.example')).toMatchObject({ category: 'news', source: 'keyword' });
    expect(classifyHost('mizuho-bank.example').category).toBe('banking');
    // "bank" inside a word is not the word bank.
    expect(classifyHost('embankment.example').category).toBe('other');
    expect(classifyHost('example.com')).toMatchObject({ category: 'other', source: 'default' });
  });

  it('prefers the cautious sensitive reading when keywords collide', () => {
    expect(classifyHost('health-news.example').category).toBe('health');
  });

  it('lists no host twice and only valid lower-case hosts', () => {
    const seen = new Map<string, string>();
    for (const [cat, hosts] of Object.entries(DOMAIN_LISTS)) {
      for (const h of hosts) {
        expect(h, h).toMatch(/^[a-z0-9.-]+$/);
        expect(seen.get(h), `${h} in ${cat} and ${seen.get(h)}`).toBeUndefined();
        seen.set(h, cat);
      }
    }
    expect(Object.keys(DOMAIN_LISTS).sort()).toEqual([...CATEGORY_KEYS].sort());
    for (const r of KEYWORD_RULES) expect(CATEGORY_KEYS).toContain(r.category);
  });

  it('excludes every sensitive category by default', () => {
    const sensitive = CATEGORIES.filter((c) => c.sensitive).map((c) => c.key);
    expect([...DEFAULT_EXCLUDED_CATEGORIES].sort()).toEqual(sensitive.sort());
    expect(DEFAULT_SETTINGS.excludedCategories.sort()).toEqual(['adult', 'banking', 'government', 'health']);
    for (const host of ['www.webmd.com', 'www.pornhub.com', 'www.mufg.jp', 'www.digital.go.jp']) {
      expect(decideSite(host, { ...DEFAULT_SETTINGS }).state, host).toBe('sensitive_category');
    }
    expect(decideSite('www.bbc.com', { ...DEFAULT_SETTINGS }).state).toBe('capturing');
  });
});
