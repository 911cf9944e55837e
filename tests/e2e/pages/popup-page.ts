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

/** The popup's gate screen (data-screen on the root). */
export type PopupScreen = 'gate' | 'onboard' | 'unlock' | 'app';
export type PopupTab = 'points' | 'earn' | 'wallet';
export interface EpochRow { epoch: number; points: number; minted: boolean; finished: boolean }
export interface JobRow { id: string; kind: string; state: string; progress: number }
export interface PoolRow {
  address: string;
  name: string;
  eligible: boolean;
  /** eligible, upcoming, staked, ended, no_token, points, too_old, other */
  reason: string;
  estimate: string | null;
  stakes: { tokenId: string; weight: string; claimable: string }[];
}

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

  /** Resolves once the popup shows a screen (onboarding, unlock, the Points tab) or an error, not the spinner. */
  async ready(): Promise<void> {
    await expect(
      this.page
        .getByTestId('capture-status')
        .or(this.page.getByTestId('error'))
        .or(this.page.getByTestId('onboard-screen'))
        .or(this.page.getByTestId('unlock-screen')),
    ).toBeVisible();
  }

  /** Which gate screen shows: onboard, unlock, app, or gate (still loading / wallet state failed). */
  async screen(): Promise<PopupScreen> {
    return ((await this.page.getByTestId('popup').getAttribute('data-screen')) ?? 'gate') as PopupScreen;
  }

  // ---- gate: onboarding, unlock, lock ----
  /** Onboards with `password` (typed twice) and waits for the unlocked tabs. */
  async onboard(password: string, confirm = password): Promise<void> {
    await this.page.getByTestId('onboard-password').fill(password);
    await this.page.getByTestId('onboard-confirm').fill(confirm);
    await this.page.getByTestId('onboard-submit').click();
    await expect(this.page.getByTestId('tabs')).toBeVisible({ timeout: 30_000 });
  }

  /** Submits the onboarding form and returns the inline errors shown (empty when it went through). */
  async onboardErrors(password: string, confirm = password): Promise<{ password?: string; confirm?: string; error?: string }> {
    await this.page.getByTestId('onboard-password').fill(password);
    await this.page.getByTestId('onboard-confirm').fill(confirm);
    await this.page.getByTestId('onboard-submit').click();
    const text = async (id: string) => {
      const el = this.page.getByTestId(id);
      return (await el.count()) ? (await el.innerText()).trim() : undefined;
    };
    return { password: await text('onboard-password-error'), confirm: await text('onboard-confirm-error'), error: await text('onboard-error') };
  }

  /** Unlocks; returns null once the tabs show, or the error code of a refused password. */
  async unlock(password: string): Promise<string | null> {
    const screen = this.page.getByTestId('unlock-screen');
    const before = Number(await screen.getAttribute('data-refusals'));
    await this.page.getByTestId('unlock-password').fill(password);
    await this.page.getByTestId('unlock-submit').click();
    // Read in one evaluate: on success the unlock screen goes away under our feet.
    const outcome = () =>
      this.page.evaluate((seen) => {
        if (document.querySelector('[data-testid="tabs"]')) return 'unlocked';
        const el = document.querySelector('[data-testid="unlock-screen"]');
        return el && Number(el.getAttribute('data-refusals')) > seen ? `refused:${el.getAttribute('data-error-code') ?? ''}` : '';
      }, before);
    await expect.poll(outcome, { timeout: 30_000 }).not.toBe('');
    const result = await outcome();
    return result === 'unlocked' ? null : result.slice('refused:'.length);
  }

  /** Onboards or unlocks as needed, so a spec can start from the unlocked popup. */
  async ensureUnlocked(password: string): Promise<void> {
    const screen = await this.screen();
    if (screen === 'onboard') await this.onboard(password);
    else if (screen === 'unlock') expect(await this.unlock(password)).toBeNull();
    await expect(this.page.getByTestId('tabs')).toBeVisible();
  }

  /** Locks with the header button and waits for the unlock screen. */
  async lock(): Promise<void> {
    await this.page.getByTestId('lock-button').click();
    await expect(this.page.getByTestId('unlock-screen')).toBeVisible();
  }

  // ---- tabs ----
  async openTab(name: PopupTab): Promise<void> {
    const tab = this.page.getByTestId(`tab-${name}`);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.page.getByTestId(`panel-${name}`)).toBeVisible();
  }

  async currentTab(): Promise<PopupTab> {
    const id = await this.page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid');
    return (id ?? 'tab-points').replace('tab-', '') as PopupTab;
  }

  // ---- earn: epochs and jobs ----
  /** The epochs shown on the Earn tab (expanded), newest first. */
  async epochs(): Promise<EpochRow[]> {
    await this.openTab('earn');
    await expect(this.page.getByTestId('epochs').or(this.page.getByTestId('earn-error'))).toBeVisible();
    const toggle = this.page.getByTestId('epochs-toggle');
    if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.page.getByTestId('epoch-row').evaluateAll((rows) =>
      rows.map((r) => ({
        epoch: Number(r.getAttribute('data-epoch')),
        points: Number(r.getAttribute('data-points')),
        minted: r.getAttribute('data-minted') === 'true',
        finished: r.getAttribute('data-finished') === 'true',
      })),
    );
  }

  /** "Prove and mint" on the Earn tab; returns the mint job's id once it shows. */
  async proveNow(): Promise<string> {
    await this.openTab('earn');
    await this.page.getByTestId('prove-now').click();
    const job = this.page.locator('[data-testid="job"][data-kind="mint"]').first();
    await expect(job).toBeVisible();
    return (await job.getAttribute('data-job-id')) ?? '';
  }

  /** Jobs shown on the current tab: id, kind, state and overall progress. */
  async jobs(): Promise<JobRow[]> {
    return this.page.getByTestId('job').evaluateAll((items) =>
      items.map((j) => ({
        id: j.getAttribute('data-job-id') ?? '',
        kind: j.getAttribute('data-kind') ?? '',
        state: j.getAttribute('data-state') ?? '',
        progress: Number(j.getAttribute('data-progress')),
      })),
    );
  }

  /**
   * Waits until a job shows `state` (done, failed, proving …): the job with
   * `id`, else the newest of `kind`, else the first job on the tab.
   */
  async waitForJob(state: string, opts: { id?: string; kind?: string; timeout?: number } = {}): Promise<void> {
    await expect(this.job(opts)).toHaveAttribute('data-state', state, { timeout: opts.timeout ?? 120_000 });
  }

  /** The error code a failed job shows. */
  async jobErrorCode(opts: { id?: string; kind?: string } = {}): Promise<string | null> {
    return this.job(opts).getByTestId('job-error').getAttribute('data-error-code');
  }

  /** Retry on a failed job (issues the same intent again). */
  async retryJob(opts: { id?: string; kind?: string } = {}): Promise<void> {
    await this.job(opts).getByTestId('job-retry').click();
  }

  job(opts: { id?: string; kind?: string } = {}): Locator {
    if (opts.id) return this.page.locator(`[data-testid="job"][data-job-id="${opts.id}"]`);
    if (opts.kind) return this.page.locator(`[data-testid="job"][data-kind="${opts.kind}"]`).first();
    return this.page.getByTestId('job').first();
  }

  // ---- earn: pools and stakes ----
  /** The pools on the Earn tab with their local eligibility and the user's stakes. */
  async pools(): Promise<PoolRow[]> {
    await this.openTab('earn');
    await expect(this.page.getByTestId('pool-card').first().or(this.page.getByTestId('pools-empty')).or(this.page.getByTestId('pools-error'))).toBeVisible();
    return this.page.getByTestId('pool-card').evaluateAll((cards) =>
      cards.map((c) => ({
        address: c.getAttribute('data-pool') ?? '',
        name: c.getAttribute('data-name') ?? '',
        eligible: c.getAttribute('data-eligible') === 'true',
        reason: c.getAttribute('data-reason') ?? '',
        estimate: c.querySelector('[data-testid="pool-estimate"]')?.getAttribute('data-estimate') ?? null,
        stakes: [...c.querySelectorAll('[data-testid="stake-row"]')].map((s) => ({
          tokenId: s.getAttribute('data-token-id') ?? '',
          weight: s.getAttribute('data-weight') ?? '0',
          claimable: s.getAttribute('data-claimable') ?? '0',
        })),
      })),
    );
  }

  pool(name: string): Locator {
    return this.page.locator(`[data-testid="pool-card"][data-name="${name}"]`);
  }

  /** Opens the stake preview of `poolName` and waits for the preview (or its error). */
  async stake(poolName: string): Promise<Locator> {
    await this.openTab('earn');
    await this.pool(poolName).getByTestId('pool-stake').click();
    const dialog = this.page.getByTestId('stake-dialog');
    await expect(dialog.getByTestId('stake-public').or(dialog.getByTestId('stake-preview-error'))).toBeVisible();
    return dialog;
  }

  /** The text of the open preview: what becomes public, then what stays private. */
  async previewText(): Promise<{ public: string; private: string }> {
    const dialog = this.page.getByTestId('stake-dialog');
    return {
      public: (await dialog.getByTestId('stake-public').innerText()).trim(),
      private: (await dialog.getByTestId('stake-private').innerText()).trim(),
    };
  }

  /** The preview's public values from data attributes (locale-independent). */
  async previewData(): Promise<{ address: string; tokenId: string; epoch: number; root: string; points: number }> {
    const el = this.page.getByTestId('stake-dialog').getByTestId('stake-public');
    return {
      address: (await el.getAttribute('data-address')) ?? '',
      tokenId: (await el.getAttribute('data-token-id')) ?? '',
      epoch: Number(await el.getAttribute('data-epoch')),
      root: (await el.getAttribute('data-root')) ?? '',
      points: Number(await el.getAttribute('data-points')),
    };
  }

  /** Confirms the open preview; the dialog closes and the stake job shows in the pool's card. */
  async confirmStake(): Promise<void> {
    const open = this.page.locator('dialog[open][data-testid="stake-dialog"]');
    await open.getByTestId('stake-confirm').click();
    const error = open.getByTestId('stake-error');
    await expect(open.or(error)).toHaveCount(0, { timeout: 20_000 }).catch(async (cause: unknown) => {
      throw new Error(`the stake dialog stayed open: ${(await error.count()) ? await error.innerText() : 'no error shown'}`, { cause });
    });
  }

  async cancelStake(): Promise<void> {
    await this.page.getByTestId('stake-cancel').click();
    await expect(this.page.getByTestId('stake-dialog')).toBeHidden();
  }

  /** Claim on the pool's (first, or `tokenId`'s) stake; waits for the claim job to show. */
  async claim(poolName: string, tokenId?: string): Promise<void> {
    await this.stakeRow(poolName, tokenId).getByTestId('stake-claim').click();
    await expect(this.pool(poolName).locator('[data-testid="job"][data-kind="claim"]').first()).toBeVisible();
  }

  /** Unstake the pool's (first, or `tokenId`'s) stake; waits for the unstake job to show. */
  async unstake(poolName: string, tokenId?: string): Promise<void> {
    await this.stakeRow(poolName, tokenId).getByTestId('stake-unstake').click();
    await expect(this.pool(poolName).locator('[data-testid="job"][data-kind="unstake"]').first()).toBeVisible();
  }

  private stakeRow(poolName: string, tokenId?: string): Locator {
    const rows = this.pool(poolName).getByTestId('stake-row');
    return tokenId ? this.pool(poolName).locator(`[data-testid="stake-row"][data-token-id="${tokenId}"]`) : rows.first();
  }

  // ---- wallet ----
  async address(): Promise<string> {
    await this.openTab('wallet');
    return (await this.page.getByTestId('wallet-address').getAttribute('data-address')) ?? '';
  }

  /** ETH and token balances in base units (decimal strings), from the Wallet tab. */
  async balances(): Promise<{ eth: string; tokens: { symbol: string; balance: string }[] }> {
    await this.openTab('wallet');
    const eth = this.page.getByTestId('balance-eth');
    await expect(eth.or(this.page.getByTestId('balances-error'))).toBeVisible();
    return {
      eth: (await eth.getAttribute('data-balance', { timeout: 1000 }).catch(() => null)) ?? '0',
      tokens: await this.page.getByTestId('balance-token').evaluateAll((items) =>
        items.map((i) => ({ symbol: i.getAttribute('data-symbol') ?? '', balance: i.getAttribute('data-balance') ?? '0' })),
      ),
    };
  }

  /** "Get test ETH" (devnet only); waits until the ETH balance changes or the faucet error shows. */
  async faucet(): Promise<void> {
    await this.openTab('wallet');
    const eth = this.page.getByTestId('balance-eth');
    const before = (await eth.count()) ? await eth.getAttribute('data-balance') : null;
    await this.page.getByTestId('faucet').click();
    await expect
      .poll(async () => (await this.page.getByTestId('faucet-error').count()) > 0 || ((await eth.count()) > 0 && (await eth.getAttribute('data-balance')) !== before))
      .toBe(true);
  }

  /** Leave and delete everything: types EXIT, confirms, and waits for the exit job to show. */
  async exit(): Promise<void> {
    await this.openTab('wallet');
    await this.page.getByTestId('exit-open').click();
    await this.page.getByTestId('exit-confirm-input').fill('EXIT');
    await this.page.getByTestId('exit-confirm').click();
    await expect(this.page.getByTestId('exit-dialog')).toBeHidden();
    await expect(this.page.locator('[data-testid="job"][data-kind="exit"]').first()).toBeVisible();
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
