/**
 * The dataset card (README.md) in the Hugging Face format: YAML front matter
 * (license, configs, dataset_info.features and splits), then what the data is,
 * how it was collected, consent and how to read the provenance and verification
 * columns. Strings are written as JSON scalars, which YAML reads unchanged.
 */
import type { Column } from './columns.ts';
import type { DatasetPool } from './types.ts';

export interface CardParameters {
  pool: DatasetPool;
  columns: readonly Column[];
  dataFile: string;
  rows: number;
  stakes: number;
  verifiedStakes: number;
}

const q = (s: string): string => JSON.stringify(s);

function sizeCategory(n: number): string {
  const bounds: [number, string][] = [[1_000, 'n<1K'], [10_000, '1K<n<10K'], [100_000, '10K<n<100K'], [1_000_000, '100K<n<1M']];
  return bounds.find(([b]) => n < b)?.[1] ?? '1M<n<10M';
}

export function datasetCard({ pool, columns, dataFile, rows, stakes, verifiedStakes }: CardParameters): string {
  const yaml = [
    '---',
    `license: ${q(pool.license)}`,
    ...(pool.licenseName ? [`license_name: ${q(pool.licenseName)}`] : []),
    `pretty_name: ${q(pool.name)}`,
    'tags:',
    '- browsing',
    '- web-activity',
    '- zero-knowledge',
    `size_categories:\n- ${q(sizeCategory(rows))}`,
    'configs:',
    '- config_name: default',
    '  data_files:',
    '  - split: train',
    `    path: ${q(dataFile)}`,
    'dataset_info:',
    '  features:',
    ...columns.flatMap((c) => [`  - name: ${c.name}`, `    dtype: ${c.dtype}`]),
    '  splits:',
    '  - name: train',
    `    num_examples: ${rows}`,
    '---',
  ];
  const what =
    pool.tier === 'records'
      ? 'one row per domain-day: a registrable domain on one local calendar day, with its category, active time, visits and interactions'
      : "one row per staked week: the week's exact totals over the pool's categories";
  const body = [
    `# ${pool.name}`,
    '',
    '## Purpose',
    '',
    pool.description ?? `Browsing data delivered to the Surf to Earn pool ${pool.address} on chain ${pool.chainId}.`,
    '',
    `The data file \`${dataFile}\` holds ${what}, for the categories ${pool.categories.map((c) => `\`${c}\``).join(', ')}. ` +
      `It has ${rows} rows from ${stakes} stakes, ${verifiedStakes} of which verified.`,
    '',
    '## How it was collected',
    '',
    'The Surf to Earn browser extension measures, on the user’s own device, the active time, page views and trusted interactions per site and day. ' +
      'Each week is committed in a Groth16 proof; a user who stakes the week’s token into this pool sends, encrypted to the pool owner (HPKE, X25519), ' +
      'exactly the records (or totals) that the stake proof covers. Measures are at the resolution the points formula reads them: ' +
      'active time in 10-second steps, interactions in steps of 10, each saturated far above its cap.',
    '',
    '## Consent',
    '',
    'Every row was sent by the user who produced it, in the transaction that staked the week, after the extension showed each row it would send. ' +
      'Only the pool’s categories are delivered; nothing else of the user’s week, and no other week, can be derived from the delivered salts.',
    '',
    ...(pool.terms ? ['## Terms', '', pool.terms, ''] : []),
    '## Provenance',
    '',
    'Every row carries where it came from; anyone can check it against the chain:',
    '',
    ...columns.map((c) => `- \`${c.name}\` (${c.dtype}): ${c.description}`),
    '',
    '## Verification',
    '',
    '`verified = true` means the delivery decrypted for this stake and matched its proof: for records, the product over the delivered records of ' +
      '(r − Poseidon(leafSalt, domain) − r²·packed), with r = Poseidon(root, scope), equals the proof’s public fingerprint in every batch (the same multiset ' +
      'of records, no record added, changed or withheld), and the records score exactly the staked weight; for totals, the values open the proof’s totals ' +
      'commitment. Rows of a stake that failed are kept with `verified = false`; `verification.json` gives, per stake, the reason code and message. ' +
      'Filter on `verified` before use.',
    '',
  ];
  return [...yaml, '', ...body].join('\n');
}
