import { expect, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { extensionUrl, OPTIONS_PATH } from './extension';

type ListName = 'denyList' | 'allowList';

/**
 * The options page. Actions wait for the worker's answer to show (the page
 * re-renders from the settings the worker returns), so a spec can read
 * right after acting.
 */
export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const options = new OptionsPage(await context.newPage(), extensionId);
    await options.goto();
    return options;
  }

  url(): string {
    return extensionUrl(this.extensionId, OPTIONS_PATH);
  }

  async goto(): Promise<void> {
    await this.page.goto(this.url());
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.getByTestId('capture-section').or(this.page.getByTestId('error'))).toBeVisible();
  }

  /** Waits until no settings save is queued or in flight. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('options')).toHaveAttribute('data-saving', 'false');
  }

  // ---- capture ----
  async isPaused(): Promise<boolean> {
    return (await this.page.getByTestId('capture-section').getAttribute('data-paused')) === 'true';
  }

  async setPaused(paused: boolean): Promise<void> {
    if ((await this.isPaused()) === paused) return;
    await this.page.getByTestId('options-pause-toggle').click();
    await expect(this.page.getByTestId('capture-section')).toHaveAttribute('data-paused', String(paused));
  }

  // ---- allow / deny lists ----
  async list(name: ListName): Promise<string[]> {
    return this.page.getByTestId(`${name}-item`).evaluateAll((items) => items.map((i) => i.getAttribute('data-domain') ?? ''));
  }

  denyList(): Promise<string[]> {
    return this.list('denyList');
  }

  allowList(): Promise<string[]> {
    return this.list('allowList');
  }

  /** Types `domain` into the list's field and adds it; returns the validation message if it was rejected. */
  async addToList(name: ListName, domain: string): Promise<string | null> {
    await this.page.getByTestId(`${name}-input`).fill(domain);
    await this.page.getByTestId(`${name}-add`).click();
    const error = this.page.getByTestId(`${name}-error`);
    const input = this.page.getByTestId(`${name}-input`);
    // Done when the field shows an error, or was cleared because the worker saved the domain.
    await expect
      .poll(async () => (await error.count()) > 0 || (await input.inputValue()) === '')
      .toBe(true);
    return (await error.count()) ? (await error.innerText()).trim() : null;
  }

  addDeny(domain: string): Promise<string | null> {
    return this.addToList('denyList', domain);
  }

  addAllow(domain: string): Promise<string | null> {
    return this.addToList('allowList', domain);
  }

  async removeFromList(name: ListName, domain: string): Promise<void> {
    const item = this.page.locator(`[data-testid="${name}-item"][data-domain="${domain}"]`);
    await item.getByTestId(`${name}-remove`).click();
    await expect(item).toHaveCount(0);
  }

  // ---- categories ----
  categoryCheckbox(key: string): Locator {
    return this.page.getByTestId(`category-${key}`);
  }

  async isCategoryCaptured(key: string): Promise<boolean> {
    return this.categoryCheckbox(key).isChecked();
  }

  /** Checked = captured; unchecking excludes the category. */
  async setCategoryCaptured(key: string, captured: boolean): Promise<void> {
    const box = this.categoryCheckbox(key);
    if ((await box.isChecked()) !== captured) await box.click();
    await this.settled();
    await expect(box).toBeChecked({ checked: captured });
  }

  // ---- retention ----
  async retentionDays(): Promise<number> {
    return Number(await this.page.getByTestId('retention-input').inputValue());
  }

  /** Returns the validation message when the value is rejected, else null after the save is confirmed. */
  async setRetentionDays(days: number): Promise<string | null> {
    await this.page.getByTestId('retention-input').fill(String(days));
    await this.page.getByTestId('retention-save').click();
    const error = this.page.getByTestId('retention-error');
    const section = this.page.getByTestId('retention-section');
    // Done when the form shows an error, or the section reports the worker's stored value.
    await expect
      .poll(async () => (await error.count()) > 0 || (await section.getAttribute('data-days')) === String(days))
      .toBe(true);
    return (await error.count()) ? (await error.innerText()).trim() : null;
  }

  // ---- vault ----
  /** Total footprints in the vault (0 when empty). */
  async vaultTotal(): Promise<number> {
    const vault = this.page.getByTestId('vault').or(this.page.getByTestId('vault-empty'));
    await expect(vault).toBeVisible();
    const total = await this.page.getByTestId('vault').getAttribute('data-total', { timeout: 1000 }).catch(() => null);
    return total === null ? 0 : Number(total);
  }

  /** Domains of the rows on the current vault page, in order. */
  async vaultDomains(): Promise<string[]> {
    return this.page.getByTestId('vault-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-domain') ?? ''));
  }

  async nextVaultPage(): Promise<void> {
    await this.page.getByTestId('vault-next').click();
  }

  // ---- export / delete ----
  /** Clicks export and returns the download (a JSON file). */
  async exportData(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export').click()]);
    return download;
  }

  /** Opens the delete dialog (focus moves into it). */
  async openDeleteDialog(): Promise<Locator> {
    await this.page.getByTestId('delete-all').click();
    const dialog = this.page.getByTestId('delete-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Deletes everything through the dialog, typing the localised confirmation word; waits for the empty vault. */
  async deleteAll(): Promise<void> {
    await this.openDeleteDialog();
    const input = this.page.getByTestId('delete-confirm-input');
    await input.fill((await input.getAttribute('data-confirm-word')) ?? 'DELETE');
    await this.page.getByTestId('delete-confirm').click();
    await expect(this.page.getByTestId('delete-dialog')).toBeHidden();
    await expect(this.page.getByTestId('vault-empty')).toBeVisible();
  }

  async saveStatus(): Promise<string> {
    return (await this.page.getByTestId('save-status').textContent())?.trim() ?? '';
  }
}
