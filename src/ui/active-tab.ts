import { browser } from '../platform/browser';

/**
 * The current tab's origin, or undefined when there is none worth asking
 * about (chrome://, the new tab page, file:, no tab). Only the origin leaves
 * this function: the popup never sends or keeps a path or query.
 * The URL is readable because clicking the action grants activeTab.
 */
export async function activeTabOrigin(): Promise<string | undefined> {
  // Opened in a tab (end-to-end tests, or a user pinning the popup), the active
  // tab is the popup itself; `?tabOrigin=` names the site instead. Only an
  // extension page can open this URL (it is not web-accessible).
  const override = new URLSearchParams(location.search).get('tabOrigin');
  if (override) return asHttpOrigin(override);
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.url) return undefined;
    return asHttpOrigin(tab.url);
  } catch {
    return undefined;
  }
}

/** The origin of an http(s) URL; anything else (chrome:, file:, garbage) is no site. */
function asHttpOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
