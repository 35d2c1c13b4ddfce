import { describe, expect, it } from 'vitest';
import { outcomeSentence, targetSentence } from './budget-reasons.js';

describe('budget reasons', () => {
  it('words a target that stops short of the budget', () => {
    // 18,600 / 6,000 = 3.1.
    expect(targetSentence({ target_roas: 3 }, true, 10000, [4000, 2000], 18600)).toBe(
      'Spends 6,000 of the 10,000 budget: the most whose best split keeps the average ROAS at or above the target of 3 (it is 3.1 there); more spend would pull it below.',
    );
    // 6,000 / 1,500 = 4.
    expect(targetSentence({ target_cpa: 5 }, true, 6000, [6000], 1500)).toBe('The whole budget of 6,000 keeps the cost per conversion at 4, at or below the target of 5.');
  });

  it('compares the expected outcome with the current split', () => {
    expect(outcomeSentence('revenue', { expected: 1000, interval: null }, { expected: 1100, interval: null }, 0.95)).toBe(
      'Expected revenue over the period: 1,100 at the recommendation, against 1,000 at the current split (+10.0 %).',
    );
    expect(outcomeSentence('conversions', { expected: 50, interval: { low: 40, high: 60 } }, { expected: 50, interval: { low: 41, high: 59 } }, 0.9)).toBe(
      'Expected conversions over the period: 50 (90 % interval 41–59) at the recommendation, against 50 (90 % interval 40–60) at the current split (+0.0 %).',
    );
  });
});
