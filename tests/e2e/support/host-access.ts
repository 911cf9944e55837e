import type { BrowserContext } from '@playwright/test';

/**
 * Grants the extension's optional host permission for one origin the way a
 * user does on chrome://extensions ("Site access" → add a site), through that
 * page's own developerPrivate API. Playwright cannot click Chrome's permission
 * prompt; with the origin granted, the options page's
 * chrome.permissions.request resolves true at once, without a prompt.
 */
export async function grantHostAccess(context: BrowserContext, extensionId: string, originPattern: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      ([id, pattern]) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } })
          .chrome.developerPrivate.addHostPermission(id, pattern),
      [extensionId, originPattern] as const,
    );
  } finally {
    await page.close();
  }
}
