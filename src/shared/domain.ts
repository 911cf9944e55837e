import { getDomain } from 'tldts';

/**
 * Registrable domains ("eTLD+1") via the Public Suffix List in tldts.
 * The vault keys points by registrable domain so that news.example.co.jp and
 * www.example.co.jp are one site, while two users' github.io pages are not
 * (private suffixes are honoured).
 */

/** The lower-case host of an http(s) origin or URL, or undefined for anything else. */
export function hostOf(originOrUrl: string): string | undefined {
  try {
    const u = new URL(originOrUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The registrable domain of a host. Hosts without one (IP addresses,
 * localhost, intranet names, bare public suffixes) are their own site, so
 * they stay distinguishable without inventing a domain.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = getDomain(h, { allowPrivateDomains: true });
  return d ?? h;
}

/** True when `host` is `rule` or one of its subdomains (label-aligned: "notexample.com" ≠ "example.com"). */
export function hostMatches(host: string, rule: string): boolean {
  return host === rule || host.endsWith(`.${rule}`);
}

/** True when `host` matches any rule of the list. */
export function hostInList(host: string, list: readonly string[]): boolean {
  return list.some((rule) => hostMatches(host, rule));
}
