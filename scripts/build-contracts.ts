/**
 * Compiles every contract under contracts/ (including the snarkjs verifiers in
 * contracts/generated/) with npm solc and writes ABIs and bytecode to
 * src/chain/generated/*.ts as `as const`, so viem infers every call's types.
 *
 * The generated TypeScript is committed (tsc and the extension need it without a
 * Solidity toolchain); `--check` recompiles in memory and fails when a committed
 * file is stale, which is what CI runs (tests/anvil/generated.test.ts too).
 *
 *   npm run contracts:build            # write src/chain/generated
 *   npm run contracts:build -- --check # exit 1 if src/chain/generated is stale
 */
import { writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED_DIR, renderGenerated, staleGenerated } from './lib/chain-codegen.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const generated = await renderGenerated();
  if (process.argv.includes('--check')) {
    const stale = await staleGenerated(generated);
    if (stale.length > 0) {
      console.error(`src/chain/generated is stale: ${stale.join(', ')}. Run npm run contracts:build.`);
      process.exit(1);
    }
    console.log(`src/chain/generated is up to date (${generated.contracts.length} contracts).`);
    return;
  }
  await rm(GENERATED_DIR, { recursive: true, force: true });
  await mkdir(GENERATED_DIR, { recursive: true });
  for (const [name, text] of generated.files) await writeFile(path.join(GENERATED_DIR, name), text);
  const names = generated.contracts.map((c) => c.name).join(', ');
  console.log(`Compiled ${generated.sourceCount} files in ${Date.now() - started} ms; wrote ${names}.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
