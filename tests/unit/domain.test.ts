import { describe, expect, it } from 'vitest';
import { hostInList, hostMatches, hostOf, registrableDomain } from '../../src/shared/domain';
import { isSensitivePage } from '../../src/shared/sensitive-url';

describe('registrable domains', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['www3.nhk.or.jp', 'nhk.or.jp'],
    ['alice.github.io', 'alice.github.io'],
    ['localhost', 'localhost'],
    ['192.168.1.10', '192.168.1.10'],
    ['EXAMPLE.com.', 'example.com'],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));

  it('extracts hosts from http(s) only', () => {
    expect(hostOf('https://News.Example.com:8443')).toBe('news.example.com');
    expect(hostOf('chrome://settings')).toBeUndefined();
    expect(hostOf('garbage')).toBeUndefined();
  });

  it('matches rules on label boundaries', () => {
    expect(hostMatches('news.example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('notexample.com', 'example.com')).toBe(false);
    expect(hostInList('a.b.c.jp', ['x.jp', 'b.c.jp'])).toBe(true);
  });
});

describe('sensitive pages', () => {
  it.each([
    ['example.com', '/login', ''],
    ['example.com', '/users/sign_in', ''],
    ['example.com', '/oauth2/authorize', '?client_id=x'],
    ['example.com', '/', '?code=abc&state=xyz'],
    ['example.com', '/checkout/step1', ''],
    ['example.com', '/account/security', ''],
    ['example.com', '/Login.php', ''],
    ['accounts.google.com', '/', ''],
    ['login.microsoftonline.com', '/common', ''],
    ['example.com', '/cb', '', '#access_token=t'],
  ])('%s%s%s is sensitive', (host, path, search, hash = '') => {
    expect(isSensitivePage(host, path, search, hash)).toBe(true);
  });

  it.each([
    ['www.bbc.com', '/news/world-123', ''],
    ['github.com', '/tldts/tldts', '?tab=readme'],
    ['example.com', '/blog/logins-are-hard', ''],
    ['example.com', '/', '?q=password+manager'],
  ])('%s%s%s is not sensitive', (host, path, search) => {
    expect(isSensitivePage(host, path, search)).toBe(false);
  });
});

describe('robustness on arbitrary input', () => {
  it('host helpers and the sensitive-page check never throw', async () => {
    const fc = (await import('fast-check')).default;
    const { classifyHost } = await import('../../src/shared/classifier');
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        isSensitivePage(a, b, b, a);
        hostOf(a);
        registrableDomain(a);
        const c = classifyHost(a);
        expect(classifyHost(a)).toEqual(c);
      }),
      { numRuns: 2000 },
    );
  });
});
