/**
 * What `webextension-polyfill` resolves to under vitest (vitest.config.ts): the
 * real polyfill refuses to load outside an extension. Each namespace comes from
 * a `browser` global a test stubs (`vi.stubGlobal('browser', { i18n: … })`);
 * without one, i18n answers nothing (so t() shows the key, as outside the
 * extension) and any other API throws: unit tests pass ports and small fakes
 * (WorkerContext), never the browser itself.
 */
const outsideTheExtension: Record<string, unknown> = {
  i18n: { getMessage: () => '', getUILanguage: () => '' },
};

const browser = new Proxy(
  {},
  {
    get(_target, namespace: string) {
      const stubbed = (globalThis as { browser?: Record<string, unknown> }).browser?.[namespace];
      if (stubbed !== undefined) return stubbed;
      if (namespace in outsideTheExtension) return outsideTheExtension[namespace];
      throw new Error(`browser.${namespace} used in a unit test: pass a fake through the module's dependencies instead`);
    },
  },
);

export default browser;
