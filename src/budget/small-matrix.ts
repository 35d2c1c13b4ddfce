// Dense linear algebra for the handful of parameters a response curve has:
// solving a small symmetric system and inverting it, by Gauss–Jordan
// elimination with partial pivoting.

/**
 * The inverse of a small square matrix, or null when it is singular (a pivot
 * at or below 1e-13 of the largest entry).
 *
 * @example
 * invertMatrix([[2, 0], [0, 4]]) // → [[0.5, 0], [0, 0.25]]
 */
export function invertMatrix(matrix: readonly (readonly number[])[]): number[][] | null {
  const identity = matrix.map((_, i) => matrix.map((__, j) => (i === j ? 1 : 0)));
  return eliminate(matrix, identity);
}

/**
 * x with A·x = b for a small square A, or null when A is singular.
 *
 * @example
 * solveLinear([[2, 1], [1, 3]], [3, 5]) // → [0.8, 1.4]
 */
export function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const solved = eliminate(
    matrix,
    rhs.map((v) => [v]),
  );
  return solved === null ? null : solved.map((row) => row[0]);
}

function eliminate(matrix: readonly (readonly number[])[], rightSides: number[][]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const b = rightSides.map((row) => [...row]);
  const scale = Math.max(...a.map((row) => Math.max(...row.map(Math.abs))));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
    if (!(Math.abs(a[pivot][col]) > 1e-13 * scale)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    const p = a[col][col];
    for (let j = 0; j < n; j++) a[col][j] /= p;
    for (let j = 0; j < b[col].length; j++) b[col][j] /= p;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row][col];
      if (factor === 0) continue;
      for (let j = 0; j < n; j++) a[row][j] -= factor * a[col][j];
      for (let j = 0; j < b[row].length; j++) b[row][j] -= factor * b[col][j];
    }
  }
  return b;
}
