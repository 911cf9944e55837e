/**
 * Page objects for the end-to-end specs. Specs import from here:
 *   const id = await extensionIdOf(context);
 *   const popup = await PopupPage.open(context, id, 'http://127.0.0.1:4173');
 *   expect(await popup.state()).toBe('capturing');
 * The earning flow goes through the same objects:
 *   await popup.ensureUnlocked(E2E_PASSWORD);       // onboard or unlock as needed
 *   const jobId = await popup.proveNow();            // Earn tab, "Prove and mint"
 *   await popup.waitForJob('done', { id: jobId });
 *   await popup.stake('Crypto trading signals');     // opens the preview
 *   expect((await popup.previewText()).public).toContain(await popup.address());
 *   await popup.confirmStake();
 * Selectors are data-testid attributes in src/popup and src/options; the
 * page objects read numbers from data-* attributes, never from localised text,
 * so the same specs run under --lang=ja.
 */
export { extensionIdOf, extensionUrl, OPTIONS_PATH, POPUP_PATH } from './extension';
export { OptionsPage } from './options-page';
export { PopupPage, type EpochRow, type JobRow, type PoolRow, type PopupScreen, type PopupState, type PopupTab } from './popup-page';
