/**
 * Thin wrapper over npm solc's standard-JSON interface: one fixed setting for the
 * whole project (0.8.28, cancun for OpenZeppelin 5.7's mcopy, optimizer on) and an
 * import resolver for node_modules packages.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// solc ships CommonJS without types; this is the part of its API we use.
const solc = require('solc') as { compile(input: string, opts: { import(p: string): { contents?: string; error?: string } }): string; version(): string };

export const SOLC_SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 10_000 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
} as const;

export interface CompiledContract {
  name: string;
  source: string;
  abi: readonly unknown[];
  bytecode: `0x${string}`;
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Compile `sources` (paths relative to `root`); returns only contracts from those sources. */
export function compileContracts(sources: Record<string, string>, root: string): CompiledContract[] {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([p, content]) => [p, { content }])),
    settings: SOLC_SETTINGS,
  };
  const findImport = (importPath: string) => {
    for (const base of [root, path.join(root, 'node_modules')]) {
      const full = path.join(base, importPath);
      if (existsSync(full)) return { contents: readFileSync(full, 'utf8') };
    }
    return { error: `import not found: ${importPath}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc ${solc.version()} failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  // Warnings from our own sources only; OpenZeppelin's transient-storage notice is expected.
  for (const w of output.errors ?? []) {
    if (w.severity === 'warning' && !w.formattedMessage.includes('@openzeppelin/')) console.warn(w.formattedMessage);
  }

  const compiled: CompiledContract[] = [];
  for (const source of Object.keys(sources)) {
    for (const [name, c] of Object.entries(output.contracts?.[source] ?? {})) {
      compiled.push({ name, source, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` });
    }
  }
  return compiled.sort((a, b) => a.name.localeCompare(b.name));
}
