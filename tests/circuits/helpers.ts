/**
 * Shared pieces of the circuit tests: the committed ceremony artifacts, the
 * circuit's public signals read straight from a computed witness (so a test can
 * compare them with the TS computation without proving), and sample rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { calculateWitness, type CircuitInput, type DomainDayRow, type VerificationKey } from '../../src/zk/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function artifacts(batch: number): { wasm: Uint8Array; zkey: Uint8Array; vkey: VerificationKey } {
  const file = (ext: string) => path.join(ROOT, `public/zk/epoch-${batch}.${ext}`);
  return {
    wasm: readFileSync(file('wasm')),
    zkey: readFileSync(file('zkey')),
    vkey: JSON.parse(readFileSync(file('vkey.json'), 'utf8')) as VerificationKey,
  };
}

/** The eleven public signals the circuit computes for `input` (witness entries 1..11). */
export async function circuitPublicSignals(input: CircuitInput, wasm: Uint8Array): Promise<bigint[]> {
  const wtns = await calculateWitness(input, wasm);
  const exportJson = (snarkjs as unknown as { wtns: { exportJson(f: object): Promise<bigint[]> } }).wtns.exportJson;
  const witness = await exportJson({ type: 'mem', data: wtns });
  return witness.slice(1, 12).map((x) => BigInt(x));
}

export const EPOCH = 2914;
export const FIRST_DAY = EPOCH * 7;
export const SECRETS = { nullifierSecret: 0x5ec2e7n, vaultSalt: 0x5a17n };
export const SCOPE = 0xabcdefn;

/** A week with every kind of cap: a long session, a visit-heavy site, an idle one, two days. */
export function sampleRows(): DomainDayRow[] {
  return [
    { domain: 'coins.example', day: FIRST_DAY, category: 1, activeSeconds: 5_000, visits: 9, interactions: 300 },
    { domain: 'markets.example', day: FIRST_DAY, category: 6, activeSeconds: 1_800, visits: 4, interactions: 40 },
    { domain: 'idle.example', day: FIRST_DAY + 2, category: 3, activeSeconds: 9, visits: 5, interactions: 100 },
    { domain: 'daily.example', day: FIRST_DAY + 6, category: 3, activeSeconds: 650, visits: 1, interactions: 5 },
  ];
}

/** `count` maximal leaves on one day: each scores DOMAIN_DAY_CAP, together far above DAY_CAP. */
export function farmRows(count: number, day = FIRST_DAY + 1, category = 9): DomainDayRow[] {
  return Array.from({ length: count }, (_, i) => ({
    domain: `farm${i}.example`,
    day,
    category,
    activeSeconds: 86_400,
    visits: 65_535,
    interactions: 1_048_575,
  }));
}
