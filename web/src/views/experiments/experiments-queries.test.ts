import { describe, expect, it } from 'vitest';
import { analyzeBody, choiceParams, DEFAULT_METRIC, eventMetrics, metricOption, parseExperimentChoices, PARAMS, type ExperimentChoices } from './experiments-queries';

const RANGE = { from: '2026-11-01', to: '2026-11-30' };
const DEFAULTS: ExperimentChoices = { experiment: null, metric: DEFAULT_METRIC, control: null, window: 'whole', cuped: true, sequential: false };

describe('the experiments view in the address', () => {
  it('defaults to the most recent experiment, conversion rate, the whole test, CUPED on and fixed-horizon testing', () => {
    expect(parseExperimentChoices(new URLSearchParams(''))).toEqual({ choices: DEFAULTS, problems: [] });
  });

  it('reads every choice, and writes it back with the defaults left out', () => {
    const search = 'experiment=checkout_button&exp_metric=revenue&exp_control=green&exp_window=range&exp_cuped=off&exp_sequential=on';
    const { choices, problems } = parseExperimentChoices(new URLSearchParams(search));
    expect(problems).toEqual([]);
    expect(choices).toEqual({ experiment: 'checkout_button', metric: 'revenue', control: 'green', window: 'range', cuped: false, sequential: true });
    expect(choiceParams(choices)).toEqual({
      [PARAMS.experiment]: 'checkout_button',
      [PARAMS.metric]: 'revenue',
      [PARAMS.control]: 'green',
      [PARAMS.window]: 'range',
      [PARAMS.cuped]: 'off',
      [PARAMS.sequential]: 'on',
    });
    expect(choiceParams({ ...DEFAULTS, experiment: 'hero' })).toEqual({
      experiment: 'hero',
      exp_metric: null,
      exp_control: null,
      exp_window: null,
      exp_cuped: null,
      exp_sequential: null,
    });
    // A partial change writes only what it names.
    expect(choiceParams({ cuped: false })).toEqual({ exp_cuped: 'off' });
  });

  it('names a bad value and shows the default instead', () => {
    const { choices, problems } = parseExperimentChoices(new URLSearchParams('exp_window=lately&exp_cuped=maybe&exp_sequential=yes'));
    expect(choices).toEqual(DEFAULTS);
    expect(problems).toEqual([
      'Unknown test window "lately" (whole or range); showing the whole test.',
      'CUPED must be on or off (the address says "maybe"); showing it on.',
      'Sequential testing must be on or off (the address says "yes"); showing it off.',
    ]);
  });
});

describe('the readout request', () => {
  it('sends no dates for the whole test, and only the options that differ from the API defaults', () => {
    expect(analyzeBody(DEFAULTS, 'checkout_button', RANGE)).toEqual({ experiment: 'checkout_button', metric: 'visitor_cvr' });
    expect(analyzeBody({ ...DEFAULTS, window: 'range', control: 'green', cuped: false, sequential: true, metric: 'signup' }, 'x', RANGE)).toEqual({
      experiment: 'x',
      metric: 'signup',
      from: '2026-11-01',
      to: '2026-11-30',
      control: 'green',
      cuped: false,
      sequential: true,
    });
  });

  it('offers the catalog metrics with their units, and event types as shares of people', () => {
    expect(metricOption('revenue')).toEqual({ id: 'revenue', label: 'Revenue per person', unit: 'money' });
    expect(metricOption('pageviews').unit).toBe('count');
    expect(metricOption('add_to_cart')).toEqual({ id: 'add_to_cart', label: 'Did add_to_cart', unit: 'rate' });
    expect(eventMetrics(['purchase', 'demo_booked', 'experiment_exposure']).map((m) => [m.id, m.label])).toEqual([
      ['purchase', 'Purchased'],
      ['demo_booked', 'Did demo_booked'],
      ['signup', 'Signed up'],
      ['lead', 'Sent a lead form'],
    ]);
  });
});
