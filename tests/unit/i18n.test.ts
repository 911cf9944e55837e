import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../src/shared/categories';
import { errorCodeSchema } from '../../src/shared/messages';
import { eligibilityReasonSchema } from '../../src/shared/earning-messages';
import { ELIGIBILITY_MESSAGE_KEYS, workerReasonMessageKey } from '../../src/popup/pool-eligibility';
import { categoryLabel, errorMessage, t } from '../../src/ui/i18n';
import type { UiErrorCode } from '../../src/ui/messaging';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Catalog = Record<string, Entry>;

const root = join(__dirname, '..', '..');
const load = (lang: string): Catalog =>
  JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Catalog;
const en = load('en');
const ja = load('ja');

/** Chrome's getMessage semantics: $NAME$ → placeholder content, whose $1…$9 take the substitutions; $$ → $. */
function getMessage(catalog: Catalog, key: string, subs?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([a-zA-Z0-9_@]+)\$/g, (_, name: string) => {
      const ph = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
      return ph ? fill(ph[1].content) : '';
    })
    .replace(/\$\$/g, '$');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Keys passed as string literals to the i18n helpers anywhere in src/, and __MSG_x__ in the manifest. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const files = [...sourceFiles(join(root, 'src')), join(root, 'manifest.config.ts')];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|localiseDocument)\(\s*(['"`])([a-zA-Z0-9_@]+)\1/g)) keys.add(m[2]);
    for (const m of text.matchAll(/__MSG_([a-zA-Z0-9_@]+)__/g)) keys.add(m[1]);
  }
  return keys;
}

const placeholderNames = (e: Entry) => Object.keys(e.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
const referencedNames = (e: Entry) =>
  [...new Set([...e.message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()))].sort();

describe('locales', () => {
  it('en and ja define exactly the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key is a valid Chrome message name with a non-empty message and a description', () => {
    for (const catalog of [en, ja]) {
      for (const [key, entry] of Object.entries(catalog)) {
        expect(key, key).toMatch(/^[a-zA-Z0-9_@]+$/);
        expect(entry.message.trim(), key).not.toBe('');
        expect(entry.description ?? '', key).not.toBe('');
      }
    }
  });

  it('each message uses exactly the placeholders it declares, the same set in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(referencedNames(en[key]), `en ${key}`).toEqual(placeholderNames(en[key]));
      expect(referencedNames(ja[key]), `ja ${key}`).toEqual(placeholderNames(ja[key]));
      expect(placeholderNames(ja[key]), key).toEqual(placeholderNames(en[key]));
    }
  });

  it('the Japanese catalogue is actually translated (not a copy of English)', () => {
    const same = Object.keys(en).filter((k) => en[k].message === ja[k].message);
    // Brand names, "AI", "NFT", example.com and "$N$%" legitimately match.
    expect(same.length).toBeLessThan(Object.keys(en).length * 0.1);
  });

  it('every key used in src/ exists', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('the manifest keys the extension core needs exist', () => {
    expect(en.extName.message).toBe('Surf to Earn');
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(ja.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('every category and every error code has a message', () => {
    for (const c of CATEGORIES) expect(en, c.key).toHaveProperty(`category_${c.key}`);
    for (const code of [...errorCodeSchema.options, 'unreachable', 'timeout']) expect(en, code).toHaveProperty(`error_${code}`);
  });
});

describe('enum codes have messages', () => {
  it('every reply error code (and each transport code) has an error_ message in en and ja', () => {
    for (const code of [...errorCodeSchema.options, 'unreachable', 'timeout'] satisfies UiErrorCode[]) {
      expect(en, `en ${code}`).toHaveProperty(`error_${code}`);
      expect(ja, `ja ${code}`).toHaveProperty(`error_${code}`);
    }
  });

  it('every eligibility reason and every popup eligibility state has a message in en and ja', () => {
    for (const reason of eligibilityReasonSchema.options) {
      const key = workerReasonMessageKey(reason);
      expect(key, reason).not.toBe(ELIGIBILITY_MESSAGE_KEYS.other);
      expect(en, `en ${reason}`).toHaveProperty(key);
      expect(ja, `ja ${reason}`).toHaveProperty(key);
    }
    for (const key of Object.values(ELIGIBILITY_MESSAGE_KEYS)) {
      expect(en, `en ${key}`).toHaveProperty(key);
      expect(ja, `ja ${key}`).toHaveProperty(key);
    }
  });
});

describe('i18n helpers', () => {
  afterEach(() => vi.unstubAllGlobals());
  const stub = (catalog: Catalog) =>
    vi.stubGlobal('browser', { i18n: { getMessage: (k: string, s?: string[]) => getMessage(catalog, k, s), getUILanguage: () => 'ja' } });

  it('t substitutes numbers and strings into placeholders', () => {
    stub(en);
    expect(t('cap_domain_day', ['example.com', 100])).toBe('example.com reached the 100-point cap per site per day.');
    stub(ja);
    expect(t('vault_range', [1, 20, 45])).toBe('45 件中 1〜20 件');
  });

  it('a missing key shows the key, never an empty string', () => {
    stub(en);
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('labels categories and maps unknown error codes to the generic message', () => {
    stub(ja);
    expect(categoryLabel('health')).toBe('健康・医療');
    expect(errorMessage('timeout')).toBe(ja.error_timeout.message);
    expect(errorMessage('something_new' as UiErrorCode)).toBe(ja.error_internal.message);
  });

  it('no rendered message keeps a raw $placeholder$ when given its arguments', () => {
    for (const catalog of [en, ja]) {
      for (const [key, entry] of Object.entries(catalog)) {
        const args = placeholderNames(entry).map((_, i) => `arg${i}`);
        expect(getMessage(catalog, key, args), key).not.toMatch(/\$[A-Za-z0-9_]+\$/);
      }
    }
  });
});
