import type { CategoryKey } from '../categories';

/**
 * Fallback rules on the hostname when no list matches. Each rule is a
 * suffix (a public-sector or academic zone) or a keyword that must appear as a
 * whole label or a hyphen/dot-delimited word of the host, never inside a
 * word: "bank" matches mizuho-bank.example and bank.example but not
 * "embankment.example". Order matters: sensitive rules come first so a
 * "health-news" site is treated as health, the cautious answer.
 */
export interface KeywordRule {
  category: CategoryKey;
  /** Host suffixes, label-aligned (".gov" matches "irs.gov"). */
  suffixes?: readonly string[];
  /** Whole words of the host, split on "." and "-". */
  words?: readonly string[];
}

export const KEYWORD_RULES: readonly KeywordRule[] = [
  { category: 'government', suffixes: ['gov', 'mil', 'go.jp', 'lg.jp', 'gov.uk', 'gouv.fr', 'gc.ca', 'gov.au'] },
  { category: 'adult', words: ['porn', 'xxx', 'sex', 'adult', 'hentai', 'erotic', 'nsfw', 'livecam', 'cams'], suffixes: ['xxx', 'adult', 'porn', 'sex'] },
  { category: 'health', words: ['health', 'medical', 'clinic', 'hospital', 'pharmacy', 'doctor', 'dental', 'therapy', 'mentalhealth', 'byoin', 'iryo', 'kusuri'], suffixes: ['health'] },
  { category: 'banking', words: ['bank', 'banking', 'creditunion', 'ginko', 'shinkin', 'card', 'loan', 'loans'], suffixes: ['bank'] },
  { category: 'education', suffixes: ['edu', 'ac.jp', 'ac.uk', 'ed.jp', 'edu.au'], words: ['university', 'school', 'academy', 'college', 'daigaku'] },
  { category: 'nft', words: ['nft', 'nfts'] },
  { category: 'crypto', words: ['crypto', 'bitcoin', 'btc', 'eth', 'ethereum', 'defi', 'dex', 'swap', 'chain', 'coin', 'token', 'web3', 'dao', 'solana'], suffixes: ['eth', 'crypto'] },
  { category: 'ai', words: ['ai', 'gpt', 'llm', 'ml', 'chatbot'], suffixes: ['ai'] },
  { category: 'politics', words: ['politics', 'election', 'senkyo', 'vote', 'party', 'seiji', 'campaign'] },
  { category: 'news', words: ['news', 'times', 'post', 'herald', 'tribune', 'shimbun', 'shinbun', 'journal', 'press', 'gazette'], suffixes: ['news'] },
  { category: 'finance', words: ['finance', 'invest', 'stock', 'stocks', 'kabu', 'shoken', 'sec', 'fx', 'trading', 'markets'] },
  { category: 'shopping', words: ['shop', 'store', 'mall', 'market', 'buy', 'deals', 'outlet', 'ec'], suffixes: ['shop', 'store'] },
  { category: 'gaming', words: ['game', 'games', 'gaming', 'esports'], suffixes: ['games'] },
  { category: 'sports', words: ['sports', 'sport', 'football', 'soccer', 'baseball', 'yakyu', 'golf'] },
  { category: 'travel', words: ['travel', 'hotel', 'hotels', 'trip', 'tour', 'tours', 'airline', 'ryokan', 'flights'], suffixes: ['travel'] },
  { category: 'entertainment', words: ['movie', 'movies', 'music', 'anime', 'manga', 'tv', 'video', 'eiga'] },
  { category: 'tech', words: ['dev', 'developer', 'developers', 'tech', 'code', 'software', 'cloud', 'docs'], suffixes: ['dev', 'io'] },
  { category: 'social', words: ['social', 'forum', 'community', 'chat', 'blog'] },
];
