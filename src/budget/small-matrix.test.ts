import { describe, expect, it } from 'vitest';
import { invertMatrix, solveLinear } from './small-matrix.js';

describe('small linear algebra', () => {
  it('inverts a 2×2 by hand: [[4, 7], [2, 6]]⁻¹ = [[0.6, −0.7], [−0.2, 0.4]]', () => {
    const inv = invertMatrix([
      [4, 7],
      [2, 6],
    ]) as number[][];
    [
      [0.6, -0.7],
      [-0.2, 0.4],
    ].forEach((row, i) => row.forEach((v, j) => expect(inv[i][j]).toBeCloseTo(v, 12)));
  });

  it('solves a system that needs a row swap', () => {
    const x = solveLinear(
      [
        [0, 2, 1],
        [1, 1, 0],
        [2, 0, 3],
      ],
      [5, 3, 5],
    ) as number[];
    // x = (1, 2, 1): 2·2 + 1 = 5, 1 + 2 = 3, 2·1 + 3·1 = 5.
    [1, 2, 1].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 12));
  });

  it('reports a singular matrix as null', () => {
    expect(
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
    expect(invertMatrix([[0]])).toBeNull();
  });
});
