// Goals: each goal's progress against its target, where it should be by
// today (pace) and its status, the forecast of its period-end value, with the
// benchmark bands of its metric.
import type { CatalogMetric, Goal } from '../../api/client';
import { formatValue, type DisplayUnit } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { useCatalog, useCurrency, useGoals } from '../../frame/workspace-data';

type GoalForecast = NonNullable<Goal['forecast']>;

const STATUS_TEXT: Record<Goal['progress']['status'], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  achieved: 'Achieved',
  missed: 'Missed',
  not_started: 'Not started',
};

export function GoalsView() {
  const goals = useGoals();
  const catalog = useCatalog();
  const currency = useCurrency();
  const metrics = new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m]));
  return (
    <div className="view goals">
      <Panel title="Goals" testId="goals-panel">
        {goals.error ? (
          <ErrorMessage error={goals.error} />
        ) : !goals.data ? (
          <Skeleton lines={6} />
        ) : goals.data.goals.length === 0 ? (
          <Notice>No goals yet. An admin creates them with POST /v1/goals (a metric, a target and a period); they show here with their pace.</Notice>
        ) : (
          <ul className="goal-list">
            {goals.data.goals.map((goal) => (
              <GoalCard key={goal.id} goal={goal} metric={metrics.get(goal.metric)} currency={currency} />
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

function GoalCard({ goal, metric, currency }: { goal: Goal; metric?: CatalogMetric; currency: string }) {
  const unit = (metric?.unit ?? 'count') as DisplayUnit;
  const { progress } = goal;
  const format = (v: number | null) => formatValue(v, unit, currency);
  const attained = progress.attained_pct === null ? null : Math.max(0, progress.attained_pct);
  // The bar is the share of the target reached; the marker is where the goal should be by today.
  const expectedPct = progress.expected_by_today === null || goal.target === 0 ? null : (progress.expected_by_today / goal.target) * 100;
  const scope = (goal.filters ?? []).map((f) => `${f.dimension} ${f.op} ${f.values.join(', ')}`).join('; ');
  return (
    <li className="goal-card" data-testid="goal" data-goal={goal.id}>
      <div className="goal-head">
        <h3>{goal.name ?? `${metric?.label ?? goal.metric} goal`}</h3>
        <span className={`chip goal-${progress.status}`} data-testid="goal-status">
          {STATUS_TEXT[progress.status]}
        </span>
      </div>
      <p className="goal-meta">
        {metric?.label ?? goal.metric} {goal.direction === 'down' ? 'at most' : 'at least'} <b>{format(goal.target)}</b> from {goal.from} to {goal.to}
        {scope ? ` · ${scope}` : ''}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={`${attained === null ? 'no value yet' : `${attained.toFixed(0)}% of target`}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={attained === null ? undefined : Math.min(100, attained)}
      >
        <div className={`progress-bar goal-${progress.status}`} style={{ width: `${Math.min(100, attained ?? 0)}%` }} />
        {expectedPct !== null && expectedPct > 0 && expectedPct <= 100 ? <div className="progress-pace" style={{ left: `${expectedPct}%` }} title="expected by today" /> : null}
      </div>
      <dl className="goal-figures">
        <div>
          <dt>Actual</dt>
          <dd data-testid="goal-actual">{format(progress.actual)}</dd>
        </div>
        <div>
          <dt>Attained</dt>
          <dd data-testid="goal-attained">{progress.attained_pct === null ? '—' : `${progress.attained_pct.toFixed(1)}%`}</dd>
        </div>
        <div>
          <dt>Expected by today</dt>
          <dd>{format(progress.expected_by_today)}</dd>
        </div>
        <div>
          <dt>Period elapsed</dt>
          <dd>{(progress.elapsed_fraction * 100).toFixed(0)}%</dd>
        </div>
      </dl>
      <ForecastLine goal={goal} format={format} />
      {goal.benchmarks.length > 0 ? (
        <p className="goal-benchmarks">
          {goal.benchmarks.map((b) => (
            <span key={b.id} className={`chip verdict-${b.verdict ?? 'none'}`}>
              {b.label ?? 'benchmark'} {format(b.low)}–{format(b.high)}: {b.position ?? 'no value'}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** "Forecast: $12,400 ($10,900–$13,800) — on track", or why there is none while the goal runs. */
function ForecastLine({ goal, format }: { goal: Goal; format: (v: number | null) => string }) {
  const { forecast } = goal;
  if (!forecast) {
    const running = goal.progress.status !== 'achieved' && goal.progress.status !== 'missed';
    return running && goal.notes.length > 0 ? (
      <p className="goal-meta" data-testid="goal-forecast-note">
        No forecast: {goal.notes.join('; ')}
      </p>
    ) : null;
  }
  return (
    <p className="goal-meta" data-testid="goal-forecast" title={forecastTitle(forecast)}>
      Forecast at {goal.to}: <b>{format(forecast.value)}</b> ({format(forecast.lower)}–{format(forecast.upper)}) —{' '}
      <span className={`chip goal-${forecast.status}`} data-testid="goal-forecast-status">
        {STATUS_TEXT[forecast.status].toLowerCase()}
      </span>
    </p>
  );
}

function forecastTitle(forecast: GoalForecast): string {
  return `${Math.round(forecast.level * 100)}% interval; ${forecast.model} model fitted on ${forecast.fitted.days} days (${forecast.fitted.from} to ${forecast.fitted.to})`;
}
