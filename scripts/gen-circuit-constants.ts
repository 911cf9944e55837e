/**
 * Generates the circuit's constants from the one source of truth
 * (src/scoring/constants.ts, src/shared/categories.ts, src/shared/epoch.ts)
 * into circuits/lib/constants.circom, and the Poseidon round constants the TS
 * prover needs (arities 1, 2, 3, 5, 8 and 16 only) into src/zk/generated/poseidon-constants.ts.
 *
 * A leaf commits active time in units of TIER1_SECONDS_PER_POINT and
 * interactions in units of INTERACTIONS_PER_POINT (src/zk/leaf.ts), and the
 * circuit's formula works in those units; that is exact only under the
 * divisibility assumptions checked in `deriveCircuitConstants`. If the published constants ever break
 * them, this script fails instead of generating a circuit that disagrees with
 * src/scoring/score.ts.
 *
 * Usage: npx tsx scripts/gen-circuit-constants.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FIELD_BITS, LEAF_FIELD_BITS, SCORING } from '../src/scoring/constants.ts';
import { CATEGORY_BITS } from '../src/shared/categories.ts';
import { EPOCH_DAYS } from '../src/shared/epoch.ts';

export const CONSTANTS_CIRCOM = 'circuits/lib/constants.circom';
export const POSEIDON_TS = 'src/zk/generated/poseidon-constants.ts';
/** Poseidon arities used: (1) secret, (2) tree, nullifier, challenge, salted domain, (3) root, leaf salt, (5) totals, (8) day accumulator, (16) leaf groups. */
export const POSEIDON_ARITIES = [1, 2, 3, 5, 8, 16] as const;

const bitLength = (x: number): number => (x === 0 ? 0 : Math.floor(Math.log2(x)) + 1);

function requireThat(cond: boolean, why: string): void {
  if (!cond) throw new Error(`scoring constants break a circuit assumption: ${why}`);
}

/** Every constant the circuit uses, as integers, with the assumptions the circuit relies on checked. */
export function deriveCircuitConstants(): Record<string, number> {
  const s = SCORING;
  const unit = s.TIER1_SECONDS_PER_POINT;
  requireThat(s.TIER1_SECONDS % unit === 0, 'TIER1_SECONDS divisible by TIER1_SECONDS_PER_POINT');
  requireThat(s.TIER2_SECONDS % unit === 0, 'TIER2_SECONDS divisible by TIER1_SECONDS_PER_POINT');
  requireThat(s.TIER2_SECONDS_PER_POINT % unit === 0, 'TIER2_SECONDS_PER_POINT divisible by TIER1_SECONDS_PER_POINT');
  requireThat(s.MIN_ACTIVE_SECONDS % unit === 0 && s.MIN_ACTIVE_SECONDS > 0, 'MIN_ACTIVE_SECONDS a positive multiple of the unit');
  // Interactions are committed in units of INTERACTIONS_PER_POINT: floor(min(i, CAP) / P) = min(floor(i / P), CAP / P).
  requireThat(s.INTERACTION_CAP % s.INTERACTIONS_PER_POINT === 0, 'INTERACTION_CAP divisible by INTERACTIONS_PER_POINT');
  const dwellCap = s.TIER1_SECONDS + s.TIER2_SECONDS;
  const dwellCapUnits = dwellCap / unit;
  const tier1Units = s.TIER1_SECONDS / unit;
  const tier2UnitsPerPoint = s.TIER2_SECONDS_PER_POINT / unit;
  const interactionUnitCap = s.INTERACTION_CAP / s.INTERACTIONS_PER_POINT;
  const dwellMax = tier1Units + Math.floor(s.TIER2_SECONDS / s.TIER2_SECONDS_PER_POINT);
  const rawMax = dwellMax + s.VISIT_CAP * s.POINTS_PER_VISIT + interactionUnitCap;
  // Saturating a committed measure keeps the points only if it saturates at or above its cap.
  requireThat(dwellCapUnits < 2 ** LEAF_FIELD_BITS.activeUnits, 'dwell cap below the active-units saturation');
  requireThat(s.VISIT_CAP < 2 ** LEAF_FIELD_BITS.visits, 'visit cap below the visits saturation');
  requireThat(interactionUnitCap < 2 ** LEAF_FIELD_BITS.interactionUnits, 'interaction cap below its saturation');
  // A leaf stores its day as the offset within the epoch (the epoch is a public input).
  const dayOffsetBits = bitLength(EPOCH_DAYS - 1);
  requireThat(dayOffsetBits === 3 && EPOCH_DAYS === 7, 'a week of days is offsets 0..6 of 3 bits (offset 7 excluded by one product)');
  const offsets = {
    DAY_OFFSET: 0,
    CATEGORY_OFFSET: dayOffsetBits,
    ACTIVE_OFFSET: dayOffsetBits + CATEGORY_BITS,
    VISITS_OFFSET: dayOffsetBits + CATEGORY_BITS + LEAF_FIELD_BITS.activeUnits,
    INTERACTIONS_OFFSET: dayOffsetBits + CATEGORY_BITS + LEAF_FIELD_BITS.activeUnits + LEAF_FIELD_BITS.visits,
  };
  const packedBits = offsets.INTERACTIONS_OFFSET + LEAF_FIELD_BITS.interactionUnits;
  requireThat(packedBits < 250, 'a packed leaf fits one field element');
  requireThat(CATEGORY_BITS === 5, 'category mask is 32 bits (one-hot over 2^CATEGORY_BITS)');
  requireThat(rawMax < 2 ** 8 && s.DOMAIN_DAY_CAP <= 2 ** 8, 'raw domain-day points fit 8 bits');
  return {
    DAY_OFFSET_BITS: dayOffsetBits,
    CATEGORY_BITS,
    ACTIVE_BITS: LEAF_FIELD_BITS.activeUnits,
    VISITS_BITS: LEAF_FIELD_BITS.visits,
    INTERACTIONS_BITS: LEAF_FIELD_BITS.interactionUnits,
    ...offsets,
    PACKED_BITS: packedBits,
    MASK_BITS: 2 ** CATEGORY_BITS,
    EPOCH_DAYS,
    EPOCH_BITS: FIELD_BITS.day,
    MIN_POINTS_BITS: 32,
    DWELL_UNIT_SECONDS: unit,
    DWELL_CAP_SECONDS: dwellCap,
    DWELL_CAP_UNITS: dwellCapUnits,
    MIN_ACTIVE_UNITS: s.MIN_ACTIVE_SECONDS / unit,
    TIER1_UNITS: tier1Units,
    TIER2_UNITS_PER_POINT: tier2UnitsPerPoint,
    VISIT_CAP: s.VISIT_CAP,
    POINTS_PER_VISIT: s.POINTS_PER_VISIT,
    INTERACTION_CAP: s.INTERACTION_CAP,
    INTERACTIONS_PER_POINT: s.INTERACTIONS_PER_POINT,
    INTERACTION_UNIT_CAP: interactionUnitCap,
    DOMAIN_DAY_CAP: s.DOMAIN_DAY_CAP,
    DAY_CAP: s.DAY_CAP,
    RAW_POINTS_BITS: bitLength(rawMax),
    TOTAL_POINTS_BITS: bitLength(EPOCH_DAYS * s.DAY_CAP),
  };
}

const HEADER = '// Generated by scripts/gen-circuit-constants.ts from src/scoring/constants.ts — do not edit.\n';

export function renderCircuitConstants(): string {
  const lines = Object.entries(deriveCircuitConstants()).map(
    ([k, v]) => `function ${k}() { return ${v}; }`,
  );
  return `${HEADER}// Run \`npx tsx scripts/gen-circuit-constants.ts\` after changing the scoring constants;\n// tests/circuits/constants.test.ts fails while this file is stale.\npragma circom 2.1.0;\n\n${lines.join('\n')}\n`;
}

export function renderPoseidonConstants(): string {
  // Read the file directly: circomlibjs's package exports do not expose it.
  const json = readFileSync('node_modules/circomlibjs/src/poseidon_constants.json', 'utf8');
  const { C, M } = JSON.parse(json) as { C: string[][]; M: string[][][] };
  const entries = POSEIDON_ARITIES.map((n) => {
    const t = n + 1;
    const c = C[t - 2].map((x) => `'${x}'`).join(',');
    const m = M[t - 2].map((row) => `[${row.map((x) => `'${x}'`).join(',')}]`).join(',');
    return `  ${n}: { C: [${c}], M: [${m}] },`;
  });
  return `${HEADER.replace('src/scoring/constants.ts', 'circomlibjs poseidon_constants.json')}/** Poseidon round constants C and MDS matrix M (hex), keyed by the number of inputs. */\nexport const POSEIDON_CONSTANTS: Record<number, { C: readonly string[]; M: readonly (readonly string[])[] }> = {\n${entries.join('\n')}\n};\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const outputs: [string, string][] = [
    [CONSTANTS_CIRCOM, renderCircuitConstants()],
    [POSEIDON_TS, renderPoseidonConstants()],
  ];
  for (const [path, text] of outputs) {
    if (check) {
      const current = readFileSync(path, 'utf8');
      if (current !== text) {
        console.error(`${path} is stale: run npx tsx scripts/gen-circuit-constants.ts`);
        process.exit(1);
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
