import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { extensionUrl, POPUP_PATH } from './extension';

/** What the status card says, from its data-state attribute. */
export type PopupState =
  | 'on'
  | 'capturing'
  | 'paused'
  | 'excluded_user'
  | 'sensitive_category'
  | 'sensitive_page'
  | 'unsupported';

/**
 * The toolbar popup, opened as a tab. Because the active tab would then be
 * the popup itself, `open` takes the site to ask about and passes it as
 * `?tabOrigin=` (the popup reads it instead of chrome.tabs.query).
 * Every reader waits for the popup to finish loading first.
 */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  /** Opens the popup in a new tab of `context`, for `tabOrigin` (an http(s) origin) if given. */
  static async open(context: BrowserContext, extensionId: string, tabOrigin?: string): Promise<PopupPage> {
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.goto(tabOrigin);
    return popup;
  }

  url(tabOrigin?: string): string {
    const base = extensionUrl(this.extensionId, POPUP_PATH);
    return tabOrigin ? `${base}?tabOrigin=${encodeURIComponent(tabOrigin)}` : base;
  }

  async goto(tabOrigin?: string): Promise<void> {
    await this.page.goto(this.url(tabOrigin));
    await this.ready();
  }

  /** Reloads and waits: the popup re-reads the worker's state on open. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Resolves once the popup shows data or an error (not the spinner). */
  async ready(): Promise<void> {
    await expect(this.page.getByTestId('capture-status').or(this.page.getByTestId('error'))).toBeVisible();
  }

  // ---- readers ----
  get statusCard(): Locator {
    return this.page.getByTestId('capture-status');
  }

  async state(): Promise<PopupState> {
    return (await this.statusCard.getAttribute('data-state')) as PopupState;
  }

  async statusText(): Promise<string> {
    return (await this.page.getByTestId('status-text').innerText()).trim();
  }

  async domain(): Promise<string | null> {
    const el = this.page.getByTestId('status-domain');
    return (await el.count()) ? (await el.innerText()).trim() : null;
  }

  async pointsToday(): Promise<number> {
    return Number(await this.page.getByTestId('points-today').getAttribute('data-points'));
  }

  async dayCap(): Promise<number> {
    return Number(await this.page.getByTestId('points-today').getAttribute('data-cap'));
  }

  async pointsEpoch(): Promise<number> {
    return Number(await this.page.getByTestId('points-epoch').getAttribute('data-points'));
  }

  async epochNumber(): Promise<number> {
    return Number(await this.page.getByTestId('points-epoch').getAttribute('data-epoch'));
  }

  /** Category bars in display order (largest first): category key and points. */
  async categories(): Promise<{ category: string; points: number }[]> {
    return this.page.getByTestId('category-row').evaluateAll((rows) =>
      rows.map((r) => ({ category: r.getAttribute('data-category') ?? '', points: Number(r.getAttribute('data-points')) })),
    );
  }

  /** This week's sites in display order (domain and points), expanding the list first so all are read. */
  async sites(): Promise<{ domain: string; points: number }[]> {
    const toggle = this.page.getByTestId('sites-toggle');
    if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.page.getByTestId('site-row').evaluateAll((rows) =>
      rows.map((r) => ({ domain: r.getAttribute('data-domain') ?? '', points: Number(r.getAttribute('data-points')) })),
    );
  }

  /** Kinds of the caps explained (day_cap, domain_day_cap, …); empty when none was hit. */
  async capsHit(): Promise<string[]> {
    return this.page.getByTestId('cap-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind') ?? ''));
  }

  async isEmptyState(): Promise<boolean> {
    return this.page.getByTestId('empty-state').isVisible();
  }

  /** The error code shown, or null when there is no error. */
  async errorCode(): Promise<string | null> {
    const el = this.page.getByTestId('error');
    return (await el.count()) ? el.getAttribute('data-error-code') : null;
  }

  /** The latest aria-live announcement (after pause, resume, deny, undo). */
  async announcement(): Promise<string> {
    return (await this.page.getByTestId('announcement').textContent())?.trim() ?? '';
  }

  // ---- actions (each waits until the popup shows the new state) ----
  async togglePause(): Promise<void> {
    const before = await this.pauseToggle().getAttribute('aria-pressed');
    await this.pauseToggle().click();
    await expect(this.pauseToggle()).not.toHaveAttribute('aria-pressed', before ?? '');
    await expect(this.pauseToggle()).toBeEnabled();
  }

  async pause(): Promise<void> {
    if ((await this.pauseToggle().getAttribute('aria-pressed')) !== 'true') await this.togglePause();
  }

  async resume(): Promise<void> {
    if ((await this.pauseToggle().getAttribute('aria-pressed')) === 'true') await this.togglePause();
  }

  /** "Never capture this site" for the popup's site; waits for the undo button. */
  async neverCaptureThisSite(): Promise<void> {
    await this.page.getByTestId('deny-site').click();
    await expect(this.page.getByTestId('undo-deny-site')).toBeEnabled();
  }

  async undoNeverCapture(): Promise<void> {
    await this.page.getByTestId('undo-deny-site').click();
    await expect(this.page.getByTestId('deny-site')).toBeEnabled();
  }

  async openOptions(): Promise<Page> {
    const [options] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.page.getByTestId('open-options').click(),
    ]);
    return options;
  }

  private pauseToggle(): Locator {
    return this.page.getByTestId('pause-toggle');
  }
}
