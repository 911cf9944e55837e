import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CAPTURE_SCRIPT_FILE } from '../../manifest.config.ts';

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * Size of the content-script bundle as shipped: the file the worker
 * registers for pages (CAPTURE_SCRIPT_FILE, no manifest content_scripts),
 * minified by the build, and its gzip size.
 */
export function contentBundleSize(distDir: string): BundleSize {
  const files = [CAPTURE_SCRIPT_FILE];
  const contents = files.map((f) => readFileSync(join(distDir, f)));
  return {
    files,
    bytes: contents.reduce((n, b) => n + b.length, 0),
    gzipBytes: contents.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}
