/**
 * The building blocks of circuits/lib/ranged.circom in isolation. DivConst is
 * the one template with hand-written hints (`<--`), so its soundness is checked
 * exhaustively on the constraint system itself: for every dividend and every
 * candidate quotient, a witness exists only for the true Euclidean pair. The
 * comparators are checked for every input of their range against the integer
 * comparison they claim to compute, and DaySplit for every day offset.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as snarkjs from 'snarkjs';
// @ts-expect-error r1csfile ships no types
import { readR1cs } from 'r1csfile';
import { SNARK_SCALAR_FIELD as P, mod } from '../../src/zk/field';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'circuits/build/fixtures');

function compileFixture(name: string): void {
  mkdirSync(OUT, { recursive: true });
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/circom2/cli.js'), `tests/circuits/fixtures/${name}.circom`,
      '--r1cs', '--wasm', '--sym', '--O0', '-l', 'node_modules', '-o', 'circuits/build/fixtures'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(res.stdout + res.stderr);
}

type Lc = Record<string, unknown>;
interface R1cs {
  nVars: number;
  constraints: [Lc, Lc, Lc][];
  F: { toObject(x: unknown): bigint };
}

/** signal name -> witness index, from the .sym file. */
function symbols(name: string): Map<string, number> {
  const lines = readFileSync(path.join(OUT, `${name}.sym`), 'utf8').trim().split('\n');
  return new Map(lines.map((l) => {
    const [, wire, , label] = l.split(',');
    return [label, Number(wire)] as [string, number];
  }));
}

function satisfied(r1cs: R1cs, w: bigint[]): boolean {
  const ev = (lc: Lc) =>
    Object.entries(lc).reduce((acc, [i, c]) => (acc + r1cs.F.toObject(c) * w[Number(i)]) % P, 0n);
  return r1cs.constraints.every(([a, b, c]) => (ev(a) * ev(b)) % P === ev(c));
}

const bitsOf = (v: bigint, k: number): bigint[] => Array.from({ length: k }, (_, i) => (mod(v) >> BigInt(i)) & 1n);

describe('DivConst(10, 4): the quotient/remainder hints are pinned', () => {
  let r1cs: R1cs;
  let sym: Map<string, number>;
  beforeAll(async () => {
    compileFixture('div-const');
    r1cs = await readR1cs(path.join(OUT, 'div-const.r1cs'), { loadConstraints: true, loadMap: false });
    sym = symbols('div-const');
  }, 120_000);

  /** The witness for a claimed (q, r): every other signal follows from them (bits forced by their sums). */
  function witnessFor(x: bigint, q: bigint, r: bigint): bigint[] {
    const w = new Array<bigint>(r1cs.nVars).fill(0n);
    w[0] = 1n;
    const set = (name: string, v: bigint) => { w[sym.get(name)!] = mod(v); };
    set('main.in', x);
    set('main.q', q);
    set('main.r', r);
    set('main.qRange.in', q);
    set('main.rRange.in', r);
    set('main.rBelowD.in', 9n - r);
    bitsOf(q, 4).forEach((b, i) => { set(`main.qBitsOut[${i}]`, b); set(`main.qRange.out[${i}]`, b); });
    bitsOf(r, 4).forEach((b, i) => set(`main.rRange.out[${i}]`, b));
    bitsOf(9n - r, 4).forEach((b, i) => set(`main.rBelowD.out[${i}]`, b));
    return w;
  }

  it('accepts exactly the Euclidean pair for every dividend < 160, and nothing above', () => {
    for (let x = 0n; x < 175n; x++) {
      const accepted: bigint[] = [];
      for (let q = -2n; q < 20n; q++) {
        if (satisfied(r1cs, witnessFor(x, q, x - 10n * q))) accepted.push(q);
      }
      expect(accepted).toEqual(x < 160n ? [x / 10n] : []);
    }
  });

  it('rejects a remainder that wraps around the field', () => {
    // q one too large: r = x - 10(q+1) is "negative", i.e. close to the field modulus.
    expect(satisfied(r1cs, witnessFor(35n, 4n, 35n - 40n))).toBe(false);
    expect(satisfied(r1cs, witnessFor(35n, 3n, 5n))).toBe(true);
  });
});

describe('comparators on ranged values', () => {
  beforeAll(() => compileFixture('geq-const'), 120_000);

  it('GeqConstBits(5, 20), GeqConstBits(5, 16) and GeqConstBounded(5, 9) agree with >= for every 5-bit input', async () => {
    const wasm = readFileSync(path.join(OUT, 'geq-const_js/geq-const.wasm'));
    const exportJson = (snarkjs as unknown as { wtns: { exportJson(f: object): Promise<bigint[]> } }).wtns.exportJson;
    for (let x = 0; x < 32; x++) {
      const out: { type: 'mem'; data?: Uint8Array } = { type: 'mem' };
      await snarkjs.wtns.calculate({ x: String(x) }, wasm, out);
      const w = await exportJson(out);
      expect(w.slice(1, 4).map(Number)).toEqual([x >= 20 ? 1 : 0, x >= 16 ? 1 : 0, x >= 9 ? 1 : 0]);
    }
  });
});

describe('DaySplit: routes a value to its day offset', () => {
  beforeAll(() => compileFixture('day-split'), 120_000);

  it('puts the whole value in part[offset] and 0 elsewhere for offsets 0..6, and has no witness for 7', async () => {
    const wasm = readFileSync(path.join(OUT, 'day-split_js/day-split.wasm'));
    const exportJson = (snarkjs as unknown as { wtns: { exportJson(f: object): Promise<bigint[]> } }).wtns.exportJson;
    for (const value of [0n, 1n, 100n, 25_600n]) {
      for (let offset = 0; offset < 8; offset++) {
        const out: { type: 'mem'; data?: Uint8Array } = { type: 'mem' };
        const run = snarkjs.wtns.calculate({ value: String(value), offset: String(offset) }, wasm, out);
        if (offset === 7) {
          await expect(run).rejects.toThrow(/DaySplit_\d+ line: 19/);
          continue;
        }
        await run;
        const parts = (await exportJson(out)).slice(1, 8).map((x) => BigInt(x));
        expect(parts).toEqual(Array.from({ length: 7 }, (_, d) => (d === offset ? value : 0n)));
      }
    }
  });
});
