/**
 * A realistic week of one user's domain-days, deterministic in a seed: the
 * size benchmark and the delivery unit tests both use it. Domains are drawn from
 * real sites per category plus made-up ones of a typical length (~12 chars),
 * each (day, domain) at most once as the vault keys them; about one in twelve
 * domain-days is under 10 s of activity (zero points, still delivered).
 */
import { categoryId, type CategoryKey } from '../../src/shared/categories.ts';
import { epochDays } from '../../src/shared/epoch.ts';
import type { DomainDayRow } from '../../src/zk/leaf.ts';
import { prng } from '../../tests/fixtures/prng';

const SITES: Partial<Record<CategoryKey, readonly string[]>> = {
  news: ['nytimes.com', 'bbc.co.uk', 'theguardian.com', 'reuters.com', 'apnews.com', 'lemonde.fr', 'spiegel.de', 'aljazeera.com', 'cnn.com', 'ft.com'],
  tech: ['github.com', 'stackoverflow.com', 'arstechnica.com', 'theverge.com', 'ycombinator.com', 'mozilla.org', 'npmjs.com', 'rust-lang.org'],
  ai: ['openai.com', 'huggingface.co', 'anthropic.com', 'arxiv.org', 'paperswithcode.com', 'kaggle.com', 'deepmind.google', 'mistral.ai'],
  crypto: ['etherscan.io', 'coingecko.com', 'uniswap.org', 'ethereum.org', 'coindesk.com', 'dune.com', 'l2beat.com'],
  social: ['reddit.com', 'x.com', 'mastodon.social', 'linkedin.com', 'bsky.app', 'facebook.com'],
  shopping: ['amazon.com', 'ebay.com', 'etsy.com', 'zalando.de', 'ikea.com', 'bol.com'],
  entertainment: ['youtube.com', 'netflix.com', 'twitch.tv', 'spotify.com', 'imdb.com'],
  education: ['wikipedia.org', 'khanacademy.org', 'coursera.org', 'duolingo.com', 'mit.edu'],
};

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'vox', 'net', 'byte', 'sun', 'ria', 'pol', 'dex', 'ora', 'fin', 'tra', 'lux', 'zen'];
const TLDS = ['com', 'org', 'net', 'io', 'co.uk', 'de', 'fr', 'dev'];

export interface WeekOptions {
  epoch: number;
  /** Domain-days to generate. */
  domainDays: number;
  /** Categories the rows fall in (each row picks one). */
  categories: readonly CategoryKey[];
  seed?: number;
}

/** `domainDays` distinct (day, domain) rows of `epoch` in `categories`. */
export function makeWeek({ epoch, domainDays, categories, seed = 1 }: WeekOptions): DomainDayRow[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const { first } = epochDays(epoch);
  const seen = new Set<string>();
  const rows: DomainDayRow[] = [];
  while (rows.length < domainDays) {
    const key = pick(categories);
    const known = SITES[key] ?? [];
    const domain =
      known.length > 0 && rand() < 0.5
        ? pick(known)
        : `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}.${pick(TLDS)}`;
    const day = first + Math.floor(rand() * 7);
    if (seen.has(`${day}|${domain}`)) continue;
    seen.add(`${day}|${domain}`);
    const idle = rand() < 1 / 12;
    rows.push({
      domain,
      day,
      category: categoryId(key),
      activeSeconds: idle ? Math.floor(rand() * 10) : 10 + Math.floor(rand() ** 2 * 5_400),
      visits: 1 + Math.floor(rand() ** 2 * 20),
      interactions: Math.floor(rand() ** 2 * 400),
    });
  }
  return rows;
}
