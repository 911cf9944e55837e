import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A copy of the built extension whose content script does nothing. Loading
 * it measures what Chrome itself charges a page for injecting any content
 * script (isolated world, extension bindings), so the benchmark can tell the
 * platform's share from our code's.
 */
export function emptyContentVariant(distDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'surf-bench-empty-'));
  cpSync(distDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  for (const file of (manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])) writeFileSync(join(dir, file), ';\n');
  return dir;
}
