/**
 * Validates what a user types into the allow/deny list: a bare host name
 * ("example.com"), or a pasted URL reduced to its host. Returns the
 * lower-case host, or an error key for the form to show. Pure (no chrome.*).
 */
export type DomainParse = { ok: true; domain: string } | { ok: false; errorKey: 'domain_error_empty' | 'domain_error_invalid' };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * True when the worker's hostSchema (src/shared/settings.ts) would accept
 * `host` in a site list: lower-case ASCII labels, at least two, TLD not
 * numeric. Mirrored without zod so the popup bundle stays small; IP
 * addresses and single-label hosts (localhost) cannot be listed.
 */
export function isListableHost(host: string): boolean {
  const labels = host.split('.');
  return host.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

export function parseDomainInput(raw: string): DomainParse {
  let text = raw.trim().toLowerCase();
  if (text === '') return { ok: false, errorKey: 'domain_error_empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, errorKey: 'domain_error_invalid' };
    }
  }
  text = text.replace(/^\*\./, '').replace(/\.$/, '');
  if (text.startsWith('www.')) text = text.slice(4);
  const valid = isListableHost(text);
  // Internationalised names arrive as Unicode; URL() turns them into punycode for us.
  if (!valid) {
    try {
      const host = new URL(`http://${text}`).hostname;
      if (host !== text && isListableHost(host)) {
        return { ok: true, domain: host };
      }
    } catch {
      /* fall through: invalid */
    }
    return { ok: false, errorKey: 'domain_error_invalid' };
  }
  return { ok: true, domain: text };
}
