import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for meta-tests that read the sources. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Every .ts/.tsx file under `dir` (absolute paths), depth first. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every source file under src/ with its path relative to the root and its text. */
export function readSources(): { path: string; text: string }[] {
  return sourceFiles(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}
