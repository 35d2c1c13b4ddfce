// Exact absorption values of an absorbing Markov chain: solves (I − Q) x = b,
// where Q holds the transition probabilities among transient states and b what
// one step from each state absorbs (the probability of converting, or the
// revenue expected from it). x = N b with N = (I − Q)⁻¹ the fundamental matrix.
// Small systems go through dense Gaussian elimination; large ones (higher-order
// chains reach thousands of states) through sparse Gauss–Seidel.
import { QueryError } from '../core/errors.js';

/** The transient part Q of an absorbing chain, in compressed sparse rows. */
export interface TransientSystem {
  size: number;
  /** Row i's entries are at rowStart[i] .. rowStart[i + 1] − 1. */
  rowStart: Int32Array;
  column: Int32Array;
  probability: Float64Array;
}

/** Systems with at most this many kept states are solved densely. */
export const DENSE_STATE_LIMIT = 120;
/** Relative accuracy the iterative solver stops at. */
export const ITERATIVE_TOLERANCE = 1e-13;
/** Sweeps after which the iterative solver gives up (and throws). */
export const MAX_SWEEPS = 20_000;

/**
 * Solves (I − Q) x = b for each right side b, over the kept states only: a
 * state not kept is treated as absorbing with value 0 (every transition into
 * it is redirected to (null)), and its x is 0. Dense elimination up to
 * DENSE_STATE_LIMIT kept states, sparse Gauss–Seidel above.
 *
 * @example
 * // one state that converts with 1/2 and loops with 1/4: x = (1/2) / (1 − 1/4) = 2/3
 * const q = { size: 1, rowStart: Int32Array.of(0, 1), column: Int32Array.of(0), probability: Float64Array.of(0.25) };
 * solveAbsorbing(q, [Float64Array.of(0.5)])[0][0] // → 0.666…
 */
export function solveAbsorbing(system: TransientSystem, rightSides: readonly Float64Array[], kept?: Uint8Array): Float64Array[] {
  const keptCount = kept ? kept.reduce((n, k) => n + k, 0) : system.size;
  return keptCount <= DENSE_STATE_LIMIT ? solveDense(system, rightSides, kept) : solveIterative(system, rightSides, kept);
}

/**
 * Gaussian elimination with partial pivoting on the dense (I − Q) of the kept
 * states. Absorption values are never negative; a rounding residue below 0 is
 * set to 0.
 *
 * @example solveDense(q, [b]) // same contract as solveAbsorbing
 */
export function solveDense(system: TransientSystem, rightSides: readonly Float64Array[], kept?: Uint8Array): Float64Array[] {
  const { index, states } = compactIndex(system.size, kept);
  const n = states.length;
  const m = rightSides.length;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    const s = states[r];
    a[r * n + r] = 1;
    for (let e = system.rowStart[s]; e < system.rowStart[s + 1]; e++) {
      const c = index[system.column[e]];
      if (c >= 0) a[r * n + c] -= system.probability[e];
    }
    for (let k = 0; k < m; k++) b[r * m + k] = rightSides[k][s];
  }
  eliminate(a, b, n, m);
  return rightSides.map((_, k) => {
    const x = new Float64Array(system.size);
    for (let r = 0; r < n; r++) x[states[r]] = Math.max(0, b[r * m + k]);
    return x;
  });
}

/** In place: a becomes upper triangular, then b holds the solutions (row-major, m columns). */
function eliminate(a: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    if (a[pivot * n + col] === 0) throw new Error('absorbing chain: a transient state never reaches absorption (I − Q is singular)');
    if (pivot !== col) {
      swapRows(a, n, pivot, col);
      swapRows(b, m, pivot, col);
    }
    const diagonal = a[col * n + col];
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col] / diagonal;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] -= factor * a[col * n + c];
      for (let k = 0; k < m; k++) b[r * m + k] -= factor * b[col * m + k];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    for (let k = 0; k < m; k++) {
      let sum = b[r * m + k];
      for (let c = r + 1; c < n; c++) sum -= a[r * n + c] * b[c * m + k];
      b[r * m + k] = sum / a[r * n + r];
    }
  }
}

function swapRows(matrix: Float64Array, width: number, i: number, j: number): void {
  for (let c = 0; c < width; c++) {
    const t = matrix[i * width + c];
    matrix[i * width + c] = matrix[j * width + c];
    matrix[j * width + c] = t;
  }
}

/**
 * Sparse Gauss–Seidel: x_i ← (b_i + Σ_{j≠i} Q_ij x_j) / (1 − Q_ii), sweeping
 * the states nearest to absorption first so values flow backwards along the
 * paths. Starting from 0 with Q, b ≥ 0 every iterate is ≥ 0 and rises
 * monotonically to the solution (Q is substochastic and every state reaches
 * absorption, so the iteration converges). It stops when the error estimated
 * from the geometric rate of the last two sweeps, δ·ρ/(1 − ρ), is within
 * ITERATIVE_TOLERANCE of the largest value on two sweeps in a row, and throws
 * a QueryError after MAX_SWEEPS.
 *
 * @example solveIterative(q, [b]) // same contract as solveAbsorbing
 */
export function solveIterative(system: TransientSystem, rightSides: readonly Float64Array[], kept?: Uint8Array, maxSweeps = MAX_SWEEPS): Float64Array[] {
  const sweepOrder = orderByDistanceToAbsorption(system, kept);
  const xs = rightSides.map(() => new Float64Array(system.size));
  // NaN until a first sweep gives a change to compare with (no rate, so not calm).
  let previousChange = NaN;
  let calmSweeps = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let change = 0;
    let scale = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      const b = rightSides[k];
      for (const s of sweepOrder) {
        let sum = b[s];
        let loop = 0;
        for (let e = system.rowStart[s]; e < system.rowStart[s + 1]; e++) {
          const t = system.column[e];
          if (t === s) loop += system.probability[e];
          else sum += system.probability[e] * x[t];
        }
        const next = sum / (1 - loop);
        change = Math.max(change, Math.abs(next - x[s]));
        scale = Math.max(scale, Math.abs(next));
        x[s] = next;
      }
    }
    const rate = change / previousChange;
    const errorBound = change === 0 ? 0 : rate < 1 ? (change * rate) / (1 - rate) : Infinity;
    calmSweeps = errorBound <= ITERATIVE_TOLERANCE * scale ? calmSweeps + 1 : 0;
    if (calmSweeps >= 2) return xs;
    previousChange = change;
  }
  throw new QueryError(`the Markov chain did not converge within ${maxSweeps} sweeps; use a lower order`, { max_sweeps: maxSweeps });
}

/** Kept states by their number of steps to absorption (reverse breadth-first search), nearest first. */
function orderByDistanceToAbsorption(system: TransientSystem, kept?: Uint8Array): number[] {
  const isKept = (s: number) => !kept || kept[s] === 1;
  const predecessors: number[][] = Array.from({ length: system.size }, () => []);
  const queue: number[] = [];
  const seen = new Uint8Array(system.size);
  for (let s = 0; s < system.size; s++) {
    if (!isKept(s)) continue;
    let stay = 0;
    for (let e = system.rowStart[s]; e < system.rowStart[s + 1]; e++) {
      const t = system.column[e];
      if (isKept(t)) {
        stay += system.probability[e];
        if (t !== s) predecessors[t].push(s);
      }
    }
    if (stay < 1 - 1e-12) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const p of predecessors[queue[head]]) {
      if (!seen[p]) {
        seen[p] = 1;
        queue.push(p);
      }
    }
  }
  for (let s = 0; s < system.size; s++) {
    if (isKept(s) && !seen[s]) throw new Error('absorbing chain: a transient state never reaches absorption (I − Q is singular)');
  }
  return queue;
}

function compactIndex(size: number, kept?: Uint8Array): { index: Int32Array; states: number[] } {
  const index = new Int32Array(size).fill(-1);
  const states: number[] = [];
  for (let s = 0; s < size; s++) {
    if (!kept || kept[s] === 1) {
      index[s] = states.length;
      states.push(s);
    }
  }
  return { index, states };
}
