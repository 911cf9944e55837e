/**
 * The current tab's origin, or undefined when there is none worth asking
 * about (chrome://, the new tab page, file:, no tab). Only the origin leaves
 * this function: the popup never sends or keeps a path or query.
 * The URL is readable because clicking the action grants activeTab.
 */
export async function activeTabOrigin(): Promise<string | undefined> {
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (!tab?.url) return undefined;
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
