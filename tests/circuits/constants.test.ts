/**
 * One source of truth: the circuit's constants and the TS Poseidon constants are
 * generated (scripts/gen-circuit-constants.ts); these tests fail when a generated
 * file drifts from its source, and when the compiled test circuit no longer
 * matches the r1cs its committed proving key was made for.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONSTANTS_CIRCOM,
  POSEIDON_TS,
  deriveCircuitConstants,
  renderCircuitConstants,
  renderPoseidonConstants,
} from '../../scripts/gen-circuit-constants';
// @ts-expect-error plain .mjs build script
import { buildPaths, compileCircuit, sha256File } from '../../scripts/build-circuits.mjs';
import { SCORING } from '../../src/scoring/constants';
import { LEAF_LAYOUT } from '../../src/zk/leaf';
import { PUBLIC_SIGNAL_NAMES } from '../../src/zk/witness';
import { ROOT } from './helpers';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('generated circuit constants', () => {
  it('circuits/lib/constants.circom is up to date with src/scoring/constants.ts', () => {
    expect(read(CONSTANTS_CIRCOM)).toBe(renderCircuitConstants());
  });

  it('src/zk/generated/poseidon-constants.ts is up to date with circomlibjs', () => {
    expect(read(POSEIDON_TS)).toBe(renderPoseidonConstants());
  });

  it('carries the published caps and the TS leaf layout', () => {
    const c = deriveCircuitConstants();
    expect(c.DAY_CAP).toBe(SCORING.DAY_CAP);
    expect(c.DOMAIN_DAY_CAP).toBe(SCORING.DOMAIN_DAY_CAP);
    expect(c.VISIT_CAP).toBe(SCORING.VISIT_CAP);
    expect(c.INTERACTION_CAP).toBe(SCORING.INTERACTION_CAP);
    expect(c.DWELL_CAP_SECONDS).toBe(SCORING.TIER1_SECONDS + SCORING.TIER2_SECONDS);
    expect(c.CATEGORY_OFFSET).toBe(LEAF_LAYOUT.category);
    expect(c.ACTIVE_OFFSET).toBe(LEAF_LAYOUT.activeUnits);
    expect(c.VISITS_OFFSET).toBe(LEAF_LAYOUT.visits);
    expect(c.INTERACTIONS_OFFSET).toBe(LEAF_LAYOUT.interactionUnits);
    expect(c.PACKED_BITS).toBe(LEAF_LAYOUT.totalBits);
  });
});

describe('committed artifacts', () => {
  const manifest = JSON.parse(read('public/zk/manifest.json'));

  it('lists the public signals in the order src/zk uses', () => {
    for (const entry of Object.values(manifest.circuits) as { publicSignals: string[] }[]) {
      expect(entry.publicSignals).toEqual([...PUBLIC_SIGNAL_NAMES]);
    }
  });

  it('hashes the committed wasm, zkey, vkey and verifier', () => {
    for (const entry of Object.values(manifest.circuits) as { files: Record<string, string>; sha256: Record<string, string> }[]) {
      for (const [kind, file] of Object.entries(entry.files)) {
        expect(existsSync(path.join(ROOT, file))).toBe(true);
        expect(sha256File(path.join(ROOT, file))).toBe(entry.sha256[kind]);
      }
    }
  });

  it('the N=8 circuit compiles to the r1cs its zkey was made for', () => {
    compileCircuit(8);
    expect(sha256File(buildPaths(8).r1cs)).toBe(manifest.circuits['epoch-8'].sha256.r1cs);
  }, 120_000);
});
