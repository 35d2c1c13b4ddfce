// Forecasts by exponential smoothing on AirPassengers (monthly, 1949–1960,
// ../shared/datasets/AirPassengers.csv, read in place): forecastSeries with
// Holt-Winters multiplicative and additive seasonality and with 'auto' (every
// candidate fitted, the lowest AICc kept), season 12, horizon 12; and the fit
// alone (fitSmoothing). The floor is one evaluation of what the fit minimises,
// the one-step SSE (smoothSeries) at the fitted parameters, so a fit's ratio
// to it is the evaluations its searches make, plus the searches' own work
// (simplex bookkeeping, a parameter object a point). For scale,
// statsmodels takes 0.16–0.21 s for the multiplicative fit on a 2-core
// machine like the benches'; the target here is under 50 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitSmoothing } from '../src/forecast/fit-smoothing.js';
import { forecastSeries } from '../src/forecast/forecast.js';
import type { ModelChoice, SeriesPoint } from '../src/forecast/forecast-input.js';
import { candidateModels } from '../src/forecast/select-model.js';
import { smoothSeries, type SmoothingModel } from '../src/forecast/smoothing.js';
import { fmt, median, ms, ROOT, timedSync } from './bench-support.js';

export interface ForecastBenchOptions {
  /** Timed runs of each fit after 3 warm-ups (default 21). */
  runs: number;
}

const DATASET = join(ROOT, '..', 'shared', 'datasets', 'AirPassengers.csv');
const SEASON = 12;
const HORIZON = 12;
const TARGET_MS = 50;
/** Evaluations of the SSE a floor sample runs (one takes microseconds). */
const BATCH = 1000;

function readSeries(): SeriesPoint[] {
  return readFileSync(DATASET, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [date, value] = line.split(',');
      return { date: date.replace(/"/g, ''), value: Number(value) };
    });
}

export function benchForecast(options: ForecastBenchOptions): void {
  const series = readSeries();
  const values = series.map((p) => p.value);
  console.log(
    `\nForecasts on AirPassengers · ${series.length} months ${series[0].date}..${series[series.length - 1].date}, season ${SEASON}, horizon ${HORIZON} · ` +
      `medians of ${options.runs} runs after 3 warm-ups`,
  );
  const label = (s: string) => `  ${s.padEnd(58)}`;
  let multiplicative = 0;
  for (const season of ['multiplicative', 'additive'] as const) {
    const model: SmoothingModel = { trend: 'additive', season, period: SEASON };
    const fit = fitSmoothing(values, model);
    const { alpha, beta, gamma } = fit.params;
    const floor = timedSync(3, options.runs, () => {
      for (let i = 0; i < BATCH; i++) smoothSeries(model, fit.params, fit.initial, values);
    }).map((t) => t / BATCH);
    const fitting = timedSync(3, options.runs, () => fitSmoothing(values, model));
    const whole = timedSync(3, options.runs, () => forecastSeries({ series, horizon: HORIZON, season: SEASON, model: season }));
    const perEvaluation = median(floor);
    if (season === 'multiplicative') multiplicative = median(whole);
    const target = season === 'multiplicative' ? ` (target < ${TARGET_MS} ms)` : '';
    console.log(`  ${season}: α ${fmt(alpha, 3)}, β ${fmt(beta ?? 0, 3)}, γ ${fmt(gamma ?? 0, 3)}, SSE ${fmt(fit.sse)}, AICc ${fmt(fit.aicc, 1)}`);
    console.log(`${label('    one-step SSE at the fit (one evaluation, the floor):')}median ${fmt(perEvaluation * 1000, 2)} µs`);
    console.log(`${label('    fitSmoothing (the fit alone):')}${ms(fitting, 2)} · ratio ${fmt(median(fitting) / perEvaluation)} (≈ evaluations, with the search's own work)`);
    console.log(`${label(`    forecastSeries${season === 'multiplicative' ? ' (fit + simulated intervals)' : ''}:`)}${ms(whole, 2)}${target} · ratio ${fmt(median(whole) / perEvaluation)}`);
  }
  const auto: ModelChoice = 'auto';
  const candidates = candidateModels(auto, undefined, SEASON).length;
  const picked = forecastSeries({ series, horizon: HORIZON, season: SEASON, model: auto }).model;
  const times = timedSync(3, options.runs, () => forecastSeries({ series, horizon: HORIZON, season: SEASON, model: auto }));
  console.log(`  auto: ${candidates} candidate models fitted, AICc picks ${picked}`);
  console.log(`${label('    forecastSeries:')}${ms(times, 2)} · ratio to multiplicative ${fmt(median(times) / multiplicative, 2)}`);
}
