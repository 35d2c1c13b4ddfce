import { describe, expect, it } from 'vitest';
import { changeTone, formatAxis, formatChange, formatValue, sentence } from './format';

describe('formatValue', () => {
  it('writes each unit as a marketer reads it', () => {
    expect(formatValue(1234.5, 'money', 'USD')).toBe('$1,235');
    expect(formatValue(34.3, 'money', 'USD')).toBe('$34.30');
    expect(formatValue(980, 'money', 'EUR')).toBe('€980.00');
    expect(formatValue(2.3749, 'percent')).toBe('2.37%');
    expect(formatValue(3.04, 'ratio')).toBe('3.04×');
    expect(formatValue(125, 'seconds')).toBe('2m 05s');
    expect(formatValue(42, 'seconds')).toBe('42s');
    expect(formatValue(14.25, 'months')).toBe('14.3 mo');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(2.25, 'count')).toBe('2.3');
  });

  it('shows a dash for no value (a ratio over nothing)', () => {
    expect(formatValue(null, 'money')).toBe('—');
    expect(formatValue(Number.NaN, 'ratio')).toBe('—');
  });

  it('shortens axis labels', () => {
    expect(formatAxis(12_300, 'count')).toBe('12.3K');
    expect(formatAxis(4500, 'money', 'USD')).toBe('$4.5K');
  });
});

describe('changes', () => {
  it('are signed with one decimal', () => {
    expect(formatChange(12.44)).toBe('+12.4%');
    expect(formatChange(-3)).toBe('−3.0%');
    expect(formatChange(0)).toBe('±0.0%');
    expect(formatChange(null)).toBe('—');
  });

  it('are good news by the metric direction: a falling CPA is good, a rising one bad; cost has no better side', () => {
    expect(changeTone(-11.2, 'down')).toBe('good');
    expect(changeTone(5, 'down')).toBe('bad');
    expect(changeTone(5, 'up')).toBe('good');
    expect(changeTone(-5, 'up')).toBe('bad');
    expect(changeTone(-13, 'neutral')).toBe('neutral');
    expect(changeTone(null, 'up')).toBe('neutral');
  });
});

describe('sentence', () => {
  it("writes the API's message as a sentence: capitalised, with one full stop", () => {
    expect(sentence(' too few repeat buyers to fit ')).toBe('Too few repeat buyers to fit.');
    expect(sentence('did you mean purchase?')).toBe('Did you mean purchase?');
    expect(sentence('Already a sentence.')).toBe('Already a sentence.');
  });
});
