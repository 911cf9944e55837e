import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * Size of the content-script bundle as shipped: the files the built
 * manifest (dist/manifest.json) injects into pages, minified by the build,
 * and their gzip size.
 */
export function contentBundleSize(distDir: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const contents = files.map((f) => readFileSync(join(distDir, f)));
  return {
    files,
    bytes: contents.reduce((n, b) => n + b.length, 0),
    gzipBytes: contents.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}
