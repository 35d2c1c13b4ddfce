// The workspace's alert rules, one row each: its name, what it watches, its
// scope, when it runs (with its last evaluation and next run), its state as
// a coloured badge, and the buttons to run it now, acknowledge its firing or
// delete it; what those buttons ask or answer opens in a row beneath.
import { Fragment, useState } from 'react';
import type { AlertRuleReport, CatalogMetric } from '../../api/client';
import { describeCondition, describeSchedule, describeScope, exactTime, relativeTime, STATUS_LABELS, stateTone } from './alerts-format';
import { RuleActionPanel, useRuleActions, type RuleActionMode } from './rule-actions';

interface RulesTableProps {
  rules: readonly AlertRuleReport[];
  metrics: ReadonlyMap<string, CatalogMetric>;
  goalNames: ReadonlyMap<string, string>;
  campaignNames: ReadonlyMap<string, string>;
  now: number;
  /** A run recorded a firing: show it. */
  onFired: (firingId: string) => void;
}

export function RulesTable({ rules, metrics, goalNames, campaignNames, now, onFired }: RulesTableProps) {
  return (
    <div className="table-scroll">
      <table className="drill alert-rules" data-testid="alert-rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Watches</th>
            <th scope="col">Scope</th>
            <th scope="col">Runs</th>
            <th scope="col">State</th>
            <th scope="col" className="alert-actions-head">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <RuleRow key={rule.id} rule={rule} metrics={metrics} goalNames={goalNames} campaignNames={campaignNames} now={now} onFired={onFired} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RuleRow({ rule, metrics, goalNames, campaignNames, now, onFired }: Omit<RulesTableProps, 'rules'> & { rule: AlertRuleReport }) {
  const [mode, setMode] = useState<RuleActionMode>('none');
  const actions = useRuleActions(rule.id, onFired);
  const label = rule.metric ? (metrics.get(rule.metric)?.label ?? rule.metric) : null;
  const goalName = rule.condition.kind === 'goal_pace' ? goalNames.get(rule.condition.goal_id) : undefined;
  const { status } = rule.state;
  return (
    <Fragment>
      <tr data-testid="alert-rule" data-rule={rule.id} data-status={status}>
        <th scope="row" className="alert-name">
          {rule.name}
        </th>
        <td className="alert-watch" data-field="watches">
          {describeCondition(rule.condition, rule.grain, label, goalName)}
        </td>
        <td className="alert-scope" data-field="scope">
          {describeScope(rule.filters, rule.by, campaignNames)}
        </td>
        <td className="alert-runs" data-field="runs">
          {describeSchedule(rule.schedule, rule.realtime)}
          <span className="sub" title={rule.last_evaluated_at ? exactTime(rule.last_evaluated_at) : undefined} data-field="last-evaluated">
            last {relativeTime(rule.last_evaluated_at, now)}
          </span>
          {rule.next_run ? (
            <span className="sub" title={exactTime(rule.next_run)} data-field="next-run">
              next {relativeTime(rule.next_run, now)}
            </span>
          ) : null}
        </td>
        <td data-field="state">
          <span className={`chip alert-state tone-${stateTone(status)}`} data-testid="alert-state" title={stateTitle(rule)}>
            {STATUS_LABELS[status]}
          </span>
        </td>
        <td className="alert-buttons">
          <div className="alert-button-row">
            <button
              type="button"
              disabled={actions.run.isPending}
              onClick={() => {
                setMode('run');
                actions.run.mutate();
              }}
              data-testid="alert-run"
            >
              {actions.run.isPending ? 'Running…' : 'Run now'}
            </button>
            {status === 'firing' ? (
              <button type="button" onClick={() => setMode('acknowledge')} aria-expanded={mode === 'acknowledge'} data-testid="alert-acknowledge">
                Acknowledge
              </button>
            ) : null}
            <button type="button" className="danger" onClick={() => setMode('delete')} aria-expanded={mode === 'delete'} data-testid="alert-delete">
              Delete
            </button>
          </div>
        </td>
      </tr>
      {mode === 'none' ? null : (
        <tr className="alert-detail-row" data-rule={rule.id}>
          <td colSpan={6}>
            <RuleActionPanel rule={rule} mode={mode} actions={actions} onClose={() => setMode('none')} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The state's times, on hover: since when it holds, when it last fired, and the acknowledgement's comment. */
function stateTitle(rule: AlertRuleReport): string | undefined {
  const { state } = rule;
  const parts = [
    state.since ? `holding since ${exactTime(state.since)}` : null,
    state.last_fired_at ? `last fired ${exactTime(state.last_fired_at)}` : null,
    state.acknowledged_at ? `acknowledged ${exactTime(state.acknowledged_at)}${state.comment ? `: “${state.comment}”` : ''}` : null,
    state.cleared_at ? `cleared ${exactTime(state.cleared_at)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('\n') : undefined;
}
