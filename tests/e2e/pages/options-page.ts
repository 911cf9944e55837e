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

  // ---- network ----
  /** The network the worker resolved: kind (devnet | custom) and chain id, once the section has loaded. */
  async network(): Promise<{ kind: string; chainId: number }> {
    const section = this.page.getByTestId('network-section');
    await expect(this.page.getByTestId('network-current').or(this.page.getByTestId('network-load-error'))).toBeVisible();
    return { kind: (await section.getAttribute('data-kind')) ?? '', chainId: Number(await section.getAttribute('data-chain-id')) };
  }

  /** Contract addresses shown for the current network. */
  async networkContracts(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const name of ['dataSbt', 'poolFactory', 'testToken']) {
      const el = this.page.getByTestId(`network-contract-${name}`);
      if (await el.count()) out[name] = (await el.innerText()).trim();
    }
    return out;
  }

  /** Switches to the local devnet; returns the status text (saved, or the worker's error). */
  async useDevnet(): Promise<string> {
    await this.page.getByTestId('network-devnet').check();
    return this.saveNetwork();
  }

  /**
   * Switches to a custom network. `deployment` is the file's JSON text,
   * pasted, or with `viaFile` set to a path, picked with the file input.
   * Returns the inline error (RPC URL or file) or the status after saving.
   */
  async useCustomNetwork(rpcUrl: string, deployment: string, viaFile?: string): Promise<{ error: string | null; status: string }> {
    await this.page.getByTestId('network-custom').check();
    await this.page.getByTestId('network-rpc').fill(rpcUrl);
    if (viaFile) await this.page.getByTestId('network-file').setInputFiles(viaFile);
    else await this.page.getByTestId('network-deployment').fill(deployment);
    const status = await this.saveNetwork();
    const errors = this.page.getByTestId('network-rpc-error').or(this.page.getByTestId('network-deployment-error'));
    return { error: (await errors.count()) ? (await errors.first().innerText()).trim() : null, status };
  }

  private async saveNetwork(): Promise<string> {
    const status = this.page.getByTestId('network-status');
    const errors = this.page.getByTestId('network-rpc-error').or(this.page.getByTestId('network-deployment-error'));
    await this.page.getByTestId('network-save').click();
    await expect.poll(async () => (await errors.count()) > 0 || ((await status.textContent()) ?? '').trim() !== '').toBe(true);
    return ((await status.textContent()) ?? '').trim();
  }

  // ---- security ----
  async autoLockMinutes(): Promise<number> {
    return Number(await this.page.getByTestId('security-section').getAttribute('data-minutes'));
  }

  /** Returns the validation message when the value is rejected, else null after the worker stored it. */
  async setAutoLockMinutes(minutes: number | string): Promise<string | null> {
    await this.page.getByTestId('autolock-input').fill(String(minutes));
    await this.page.getByTestId('autolock-save').click();
    const error = this.page.getByTestId('autolock-error');
    const section = this.page.getByTestId('security-section');
    await expect
      .poll(async () => (await error.count()) > 0 || (await section.getAttribute('data-minutes')) === String(minutes))
      .toBe(true);
    return (await error.count()) ? (await error.innerText()).trim() : null;
  }

  // ---- account key ----
  /**
   * Exports the account key with `password`: returns the key (revealed with
   * the Reveal button, so the hidden default is exercised too) or the error shown.
   */
  async exportKey(password: string): Promise<{ key: string | null; error: string | null }> {
    // A key still shown from the last export is put away first.
    if (await this.page.getByTestId('exported-key-done').count()) await this.page.getByTestId('exported-key-done').click();
    await this.page.getByTestId('export-password').fill(password);
    await this.page.getByTestId('export-submit').click();
    const key = this.page.getByTestId('exported-key');
    const error = this.page.getByTestId('export-password-error');
    await expect(key.or(error)).toBeVisible();
    if (await error.count()) return { key: null, error: (await error.innerText()).trim() };
    await expect(key).toHaveAttribute('data-revealed', 'false');
    await this.page.getByTestId('exported-key-reveal').click();
    await expect(key).toHaveAttribute('data-revealed', 'true');
    return { key: (await key.innerText()).trim(), error: null };
  }

  /** Imports `privateKey` with `password`; returns null on success, else the error shown. */
  async importKey(password: string, privateKey: string): Promise<string | null> {
    await this.page.getByTestId('import-key-input').fill(privateKey);
    await this.page.getByTestId('import-password').fill(password);
    await this.page.getByTestId('import-submit').click();
    const status = this.page.getByTestId('import-status');
    const inline = this.page.getByTestId('import-key-input-error').or(this.page.getByTestId('import-password-error'));
    await expect
      .poll(async () => (await inline.count()) > 0 || ((await status.textContent()) ?? '').trim() !== '')
      .toBe(true);
    if (await inline.count()) return (await inline.first().innerText()).trim();
    return (await status.getAttribute('data-done')) === 'true' ? null : ((await status.textContent()) ?? '').trim();
  }

  async saveStatus(): Promise<string> {
    return (await this.page.getByTestId('save-status').textContent())?.trim() ?? '';
  }
}
