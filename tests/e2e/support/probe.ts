import { expect, type BrowserContext, type Page } from '@playwright/test';
import { extensionUrl, OPTIONS_PATH } from '../pages';

/** One stored footprint as the export shows it. */
export interface ExportedFootprint {
  id: string;
  domain: string;
  host: string;
  category: number;
  activeMs: number;
  scrollDepth: number;
  clicks: number;
  keys: number;
  scrolls: number;
  lang: string;
  [key: string]: unknown;
}

export interface VaultExport {
  settings: { paused: boolean; denyList: string[] };
  footprints: ExportedFootprint[];
}

/**
 * Reads vault state the way the user can: through the extension's own
 * `ui/export` message, sent from an extension page (the options page), and
 * a raw dump of the extension origin's IndexedDB and storage for the
 * "nothing secret anywhere" checks. Nothing is mocked.
 */
export class ExtensionProbe {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<ExtensionProbe> {
    const page = await context.newPage();
    await page.goto(extensionUrl(extensionId, OPTIONS_PATH));
    return new ExtensionProbe(page);
  }

  /**
   * Onboards (creates the keyring) through the extension's own `ui/onboard`
   * message: capture needs a keyring to seal to. Leaves the vault unlocked,
   * so the export reads below work.
   */
  async onboard(password: string): Promise<void> {
    const reply = await this.page.evaluate((pw) => chrome.runtime.sendMessage({ type: 'ui/onboard', password: pw }), password);
    if (!reply?.ok) throw new Error(`ui/onboard failed: ${JSON.stringify(reply)}`);
  }

  /** The raw export JSON string. */
  async exportText(): Promise<string> {
    const reply = await this.page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/export' }));
    if (!reply?.ok) throw new Error(`ui/export failed: ${JSON.stringify(reply)}`);
    return reply.data as string;
  }

  async vault(): Promise<VaultExport> {
    return JSON.parse(await this.exportText()) as VaultExport;
  }

  async footprints(): Promise<ExportedFootprint[]> {
    return (await this.vault()).footprints;
  }

  /** Polls until `check` holds for the stored footprints; returns them. */
  async waitForFootprints(check: (rows: ExportedFootprint[]) => boolean, message: string): Promise<ExportedFootprint[]> {
    let rows: ExportedFootprint[] = [];
    await expect
      .poll(async () => check((rows = await this.footprints())), { message, timeout: 20_000, intervals: [250, 500, 1000] })
      .toBe(true);
    return rows;
  }

  /** Every record of every IndexedDB database, chrome.storage.local and .session of the extension origin, as one JSON string. */
  async rawDump(): Promise<string> {
    return this.page.evaluate(async () => {
      const out: Record<string, unknown> = { storage: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) };
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          out[`${info.name}/${store}`] = await new Promise((ok, fail) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
        }
        db.close();
      }
      return JSON.stringify(out);
    });
  }
}
