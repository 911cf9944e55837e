/**
 * Background entry of the Firefox end-to-end build only (`vite build --mode
 * firefox-e2e`, see vite.config.ts): Firefox's production entry plus one hook.
 * WebDriver BiDi refuses to navigate to moz-extension:// URLs, but a page the
 * extension opens itself can be driven; so at install this opens the options
 * page, from which the suite (tests/e2e-firefox) opens the other pages with
 * tabs.create. Production builds never import this file.
 */
import { browser } from '../platform/browser';
import './firefox';

browser.runtime.onInstalled.addListener(() => {
  void browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html') });
});
