import { describe, expect, it } from 'vitest';
import manifest, { CAPTURE_SCRIPT_FILE, firefoxManifest, GECKO_ID } from '../../manifest.config.ts';
import { COMPILE_HINT, compileHintForCaptureScript } from '../../vite.config.ts';
import pkg from '../../package.json' with { type: 'json' };

/** The manifest as declared (crxjs rewrites file paths at build; the policy fields are what we check). */
async function load(): Promise<Record<string, unknown>> {
  const m = typeof manifest === 'function' ? await manifest({ command: 'build', mode: 'production' }) : await manifest;
  return m as unknown as Record<string, unknown>;
}

describe('manifest policy', () => {
  it('is MV3 with the package version, a localised name and a module worker', async () => {
    const m = await load();
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(pkg.version);
    expect(m.name).toBe('__MSG_extName__');
    expect(m.default_locale).toBe('en');
    expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });

  it('asks for the fewest permissions: capture\'s http(s) access and no content script declared', async () => {
    const m = await load();
    expect([...(m.permissions as string[])].sort()).toEqual(['activeTab', 'alarms', 'offscreen', 'scripting', 'storage']);
    // Capture's pages, the same patterns the declared content script had; the script itself is
    // registered at onboarding (src/background/capture-script.ts), so nothing is injected before it.
    expect([...(m.host_permissions as string[])].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(m.content_scripts).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    // Deliberate (#13): a custom RPC's origin is asked for at run time, one origin at a time.
    expect([...(m.optional_host_permissions as string[])].sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it('cannot be reached or detected by web pages and never runs in incognito', async () => {
    const m = await load();
    expect(m.incognito).toBe('not_allowed');
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect((m.content_security_policy as { extension_pages: string }).extension_pages).toBe(
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
  });

  it('for Firefox: the same manifest with an event page, the gecko id and minimum version, and no offscreen', async () => {
    const chrome = await load();
    const make = firefoxManifest();
    const ff = (typeof make === 'function' ? await make({ command: 'build', mode: 'firefox' }) : await make) as unknown as Record<string, unknown>;
    expect(ff.background).toEqual({ scripts: ['src/background/firefox.ts'], type: 'module' });
    expect(ff.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, strict_min_version: '128.0' } });
    expect([...(ff.permissions as string[])].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    expect(ff.minimum_chrome_version).toBeUndefined();
    for (const key of ['content_scripts', 'host_permissions', 'optional_host_permissions', 'content_security_policy', 'incognito', 'action', 'options_ui', 'default_locale', 'version']) {
      expect(ff[key], key).toEqual(chrome[key]);
    }
  });
});

describe('the capture content script in a build', () => {
  // The hint must be the script's first line (V8 reads it only there); a build without the file must fail.
  const run = (bundle: Record<string, unknown>) => {
    const plugin = compileHintForCaptureScript();
    const hook = plugin.generateBundle as { handler: (this: unknown, o: unknown, b: Record<string, unknown>) => void };
    hook.handler.call({ error: (m: string) => { throw new Error(m); } }, {}, bundle);
  };

  it('starts with V8\'s compile hint, whether the build emits it as a chunk or an asset', () => {
    const chunk = { type: 'chunk', code: '(function(){})();' };
    const asset = { type: 'asset', source: '(function(){})();' };
    run({ [CAPTURE_SCRIPT_FILE]: chunk });
    run({ [CAPTURE_SCRIPT_FILE]: asset });
    expect(chunk.code).toBe(`${COMPILE_HINT}(function(){})();`);
    expect(asset.source).toBe(`${COMPILE_HINT}(function(){})();`);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });

  it('fails the build when the script is missing', () => {
    expect(() => run({})).toThrow(/capture content script/);
  });
});
