// What a rule's buttons do and say, in the row beneath it: Run now evaluates
// the rule (POST /v1/alerts/{id}/run) and shows whether it fired and why;
// Acknowledge asks for the comment the API requires
// (POST /v1/alerts/{id}/acknowledge); Delete asks to confirm
// (DELETE /v1/alerts/{id}). Each refreshes the rules and the firings after,
// and a refusal (a read-only key, nothing firing) shows the API's message.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlertRuleReport } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { sentence } from '../../frame/format';
import { ErrorMessage } from '../../frame/panel';
import { STATUS_LABELS } from './alerts-format';

export type RuleActionMode = 'none' | 'run' | 'acknowledge' | 'delete';

/** The three requests of a rule; each refreshes the rules and firings when it answers. */
export function useRuleActions(id: string, onFired: (firingId: string) => void) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['alerts'] }), client.invalidateQueries({ queryKey: ['alert-history'] })]);
  const run = useMutation({
    mutationFn: () => api.runAlert(id),
    onSuccess: async (evaluation) => {
      await refresh();
      if (evaluation.firing) onFired(evaluation.firing.id);
    },
  });
  const acknowledge = useMutation({ mutationFn: (comment: string) => api.acknowledgeAlert(id, comment), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => api.deleteAlert(id), onSuccess: refresh });
  return { run, acknowledge, remove };
}

type RuleActions = ReturnType<typeof useRuleActions>;

interface PanelProps {
  rule: AlertRuleReport;
  mode: Exclude<RuleActionMode, 'none'>;
  actions: RuleActions;
  onClose: () => void;
}

export function RuleActionPanel({ rule, mode, actions, onClose }: PanelProps) {
  if (mode === 'run') return <RunOutcome actions={actions} onClose={onClose} />;
  if (mode === 'acknowledge') return <AcknowledgeForm rule={rule} actions={actions} onClose={onClose} />;
  return <DeleteConfirm rule={rule} actions={actions} onClose={onClose} />;
}

function RunOutcome({ actions, onClose }: { actions: RuleActions; onClose: () => void }) {
  const { run } = actions;
  if (run.isPending) return <p className="alert-outcome" aria-busy="true">Evaluating the rule…</p>;
  if (run.error) return <ErrorMessage error={run.error} />;
  const evaluation = run.data;
  if (!evaluation) return null;
  const outcome = evaluation.fired ? 'Fired' : evaluation.met ? 'Holds, not fired again' : evaluation.no_data ? 'No data' : 'Did not fire';
  return (
    <div className={`alert-outcome${evaluation.fired ? ' fired' : ''}`} role="status" data-testid="alert-run-outcome" data-fired={evaluation.fired} data-met={evaluation.met}>
      <span className={`chip tone-${evaluation.fired ? 'bad' : 'neutral'}`}>{outcome}</span> <span data-testid="alert-run-because">{sentence(evaluation.because)}</span>
      <span className="alert-outcome-state"> Now {STATUS_LABELS[evaluation.state.status].toLowerCase()}.</span>
      {evaluation.notes.length > 0 ? (
        <ul className="notes alert-outcome-notes">
          {evaluation.notes.map((n) => (
            <li key={n}>{sentence(n)}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="link" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function AcknowledgeForm({ rule, actions, onClose }: { rule: AlertRuleReport; actions: RuleActions; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const { acknowledge } = actions;
  const blank = comment.trim() === '';
  return (
    <form
      className="alert-form"
      data-testid="alert-acknowledge-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blank) acknowledge.mutate(comment.trim(), { onSuccess: onClose });
      }}
    >
      <label className="field alert-comment">
        <span>Why silence “{rule.name}” until it clears?</span>
        <input type="text" value={comment} required maxLength={500} placeholder="e.g. budget already cut" onChange={(e) => setComment(e.target.value)} data-testid="alert-comment" autoFocus />
      </label>
      <button type="submit" className="primary" disabled={blank || acknowledge.isPending} data-testid="alert-acknowledge-submit">
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {acknowledge.error ? <ErrorMessage error={acknowledge.error} /> : null}
    </form>
  );
}

function DeleteConfirm({ rule, actions, onClose }: { rule: AlertRuleReport; actions: RuleActions; onClose: () => void }) {
  const { remove } = actions;
  return (
    <div className="alert-form" role="alertdialog" aria-label={`Delete ${rule.name}`} data-testid="alert-delete-confirm">
      <span>
        Delete “{rule.name}”? It stops running; its past firings stay in the history.
      </span>
      <button type="button" className="danger primary" disabled={remove.isPending} onClick={() => remove.mutate()} data-testid="alert-delete-submit">
        {remove.isPending ? 'Deleting…' : 'Delete rule'}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </div>
  );
}
