import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../core/errors.js';
import { createRandom } from '../demo/random.js';
import { solveAbsorbing, solveDense, solveIterative, type TransientSystem } from './absorbing-chain.js';
import { buildMarkovChain } from './markov-chain.js';

/** A system from dense rows of Q (zeros left out). */
function sparse(rows: number[][]): TransientSystem {
  const rowStart = [0];
  const column: number[] = [];
  const probability: number[] = [];
  for (const row of rows) {
    row.forEach((p, j) => {
      if (p !== 0) {
        column.push(j);
        probability.push(p);
      }
    });
    rowStart.push(column.length);
  }
  return { size: rows.length, rowStart: Int32Array.from(rowStart), column: Int32Array.from(column), probability: Float64Array.from(probability) };
}

/** (I − Q)⁻¹ b by plain Gauss–Jordan inversion of I − Q, written independently of the module. */
function fundamentalTimes(system: TransientSystem, b: Float64Array, kept?: Uint8Array): Float64Array {
  const states = [...Array(system.size).keys()].filter((s) => !kept || kept[s]);
  const n = states.length;
  const position = new Map(states.map((s, i) => [s, i]));
  const m: number[][] = states.map((_, i) => [...states.map((__, j) => (i === j ? 1 : 0)), ...states.map((__, j) => (i === j ? 1 : 0))]);
  states.forEach((s, i) => {
    for (let e = system.rowStart[s]; e < system.rowStart[s + 1]; e++) {
      const j = position.get(system.column[e]);
      if (j !== undefined) m[i][j] -= system.probability[e];
    }
  });
  for (let c = 0; c < n; c++) {
    const p = m.findIndex((row, r) => r >= c && Math.abs(row[c]) === Math.max(...m.slice(c).map((x) => Math.abs(x[c]))));
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    m[c] = m[c].map((v) => v / d);
    for (let r = 0; r < n; r++) if (r !== c && m[r][c] !== 0) m[r] = m[r].map((v, k) => v - m[r][c] * m[c][k]);
  }
  const x = new Float64Array(system.size);
  states.forEach((s, i) => (x[s] = states.reduce((sum, t, j) => sum + m[i][n + j] * b[t], 0)));
  return x;
}

describe('absorbing chain solvers', () => {
  it('solve a small chain by hand, dense and iterative', () => {
    // 0 → 1 with 1/2, → absorbed with 1/2 (worth b_0 = 1/2 · 1 here: converts)
    // 1 → 0 with 1/3, → 1 itself with 1/3, converts with 1/3
    // x_1 = (1/3 + x_0/3) / (1 − 1/3) = 1/2 + x_0/2; x_0 = 1/2 + x_1/2 → x_0 = 1, x_1 = 1 (everything converts)
    // with b_0 = 0 (0's exit is (null)): x_0 = x_1/2, x_1 = 1/2 + x_0/2 → x_1 = 2/3, x_0 = 1/3
    const q = sparse([
      [0, 1 / 2],
      [1 / 3, 1 / 3],
    ]);
    for (const solve of [solveDense, solveIterative]) {
      const [converts, half] = solve(q, [Float64Array.of(1 / 2, 1 / 3), Float64Array.of(0, 1 / 3)]);
      expect(converts[0]).toBeCloseTo(1, 13);
      expect(converts[1]).toBeCloseTo(1, 13);
      expect(half[0]).toBeCloseTo(1 / 3, 13);
      expect(half[1]).toBeCloseTo(2 / 3, 13);
    }
  });

  it('treat a state left out as (null): its value is 0 and transitions into it are lost', () => {
    // Without state 1: x_0 = b_0 = 1/2.
    const q = sparse([
      [0, 1 / 2],
      [1 / 3, 1 / 3],
    ]);
    for (const solve of [solveDense, solveIterative]) {
      const [x] = solve(q, [Float64Array.of(1 / 2, 1 / 3)], Uint8Array.of(1, 0));
      expect(x[0]).toBeCloseTo(1 / 2, 14);
      expect(x[1]).toBe(0);
    }
  });

  it('agree with a plain matrix inverse to 1e-12 on a random 300-state chain with cycles', () => {
    const rng = createRandom(99);
    const rows = Array.from({ length: 300 }, () => {
      const row = new Array<number>(300).fill(0);
      for (let k = 0; k < 6; k++) row[rng.int(0, 299)] += rng.uniform(0, 1);
      const scale = rng.uniform(1.05, 1.6) * row.reduce((a, b) => a + b, 0);
      return row.map((p) => p / scale);
    });
    const q = sparse(rows);
    const b = Float64Array.from(rows, (row) => 1 - row.reduce((a, c) => a + c, 0));
    const kept = Uint8Array.from(rows, (_, i) => (i % 7 === 3 ? 0 : 1));
    for (const mask of [undefined, kept]) {
      const expected = fundamentalTimes(q, b, mask);
      for (const x of [solveIterative(q, [b], mask)[0], solveDense(q, [b], mask)[0], solveAbsorbing(q, [b], mask)[0]]) {
        for (let s = 0; s < 300; s++) expect(Math.abs(x[s] - expected[s])).toBeLessThanOrEqual(1e-12 * Math.max(1, expected[s]));
      }
    }
  });

  it('solve the order-2 chain of ChannelAttribution_Data.csv as the inverse does, with a channel removed', () => {
    const lines = readFileSync(new URL('../../../shared/datasets/ChannelAttribution_Data.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
    const paths = lines.slice(1).map((line) => {
      const [touches, c, v, n] = line.split(';');
      return { touches: touches.split(' > '), conversions: Number(c), revenue: Number(v), nulls: Number(n) };
    });
    const chain = buildMarkovChain(paths, 2);
    expect(chain.system.size).toBeGreaterThan(120); // beyond the dense limit: solveAbsorbing iterates
    const b = chain.conversionJourneys.map((c, s) => c / chain.outJourneys[s]);
    const withoutAlpha = Uint8Array.from(chain.states, (tuple) => (tuple.includes('alpha') ? 0 : 1));
    for (const mask of [undefined, withoutAlpha]) {
      const expected = fundamentalTimes(chain.system, b, mask);
      const [x] = solveAbsorbing(chain.system, [b], mask);
      for (let s = 0; s < chain.system.size; s++) expect(Math.abs(x[s] - expected[s])).toBeLessThanOrEqual(1e-12);
    }
  });

  it('throw a QueryError when the iteration runs out of sweeps', () => {
    // A loop kept with probability 0.999 per step converges slowly; 5 sweeps are not enough.
    const q = sparse([
      [0, 0.999],
      [0.999, 0],
    ]);
    expect(() => solveIterative(q, [Float64Array.of(0.001, 0.001)], undefined, 5)).toThrow(QueryError);
    expect(solveIterative(q, [Float64Array.of(0.001, 0.001)])[0][0]).toBeCloseTo(1, 10);
  });
});
