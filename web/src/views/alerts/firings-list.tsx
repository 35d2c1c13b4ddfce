// The latest firings, newest first, one card each: when (and what started
// it), the rule, why it fired, its value against its reference, what it
// recommends, and whether its webhook was delivered. A card selects the
// firing whose chart and segments are shown beside the list.
import type { AlertFiring, CatalogMetric } from '../../api/client';
import { formatValue, sentence, type DisplayUnit } from '../../frame/format';
import { describeAction, describeDelivery, exactTime, relativeTime, TRIGGER_LABELS } from './alerts-format';

interface FiringsListProps {
  firings: readonly AlertFiring[];
  selected: string | null;
  metrics: ReadonlyMap<string, CatalogMetric>;
  campaignNames: ReadonlyMap<string, string>;
  currency: string;
  now: number;
  onSelect: (id: string) => void;
}

export function FiringsList({ firings, selected, metrics, campaignNames, currency, now, onSelect }: FiringsListProps) {
  return (
    <ol className="alert-firings" data-testid="alert-firings">
      {firings.map((f) => (
        <li key={f.id}>
          <FiringCard firing={f} selected={f.id === selected} unit={(metrics.get(f.metric)?.unit ?? 'count') as DisplayUnit} campaignNames={campaignNames} currency={currency} now={now} onSelect={onSelect} />
        </li>
      ))}
    </ol>
  );
}

interface CardProps {
  firing: AlertFiring;
  selected: boolean;
  unit: DisplayUnit;
  campaignNames: ReadonlyMap<string, string>;
  currency: string;
  now: number;
  onSelect: (id: string) => void;
}

function FiringCard({ firing, selected, unit, campaignNames, currency, now, onSelect }: CardProps) {
  const delivery = describeDelivery(firing.delivery);
  // A change compares with the period before; the others judge against a bar or an expectation.
  const against = firing.condition.kind === 'change' ? 'before' : firing.condition.kind === 'threshold' || firing.condition.kind === 'funnel' ? 'threshold' : 'expected';
  const value = (v: number | null) =>
    firing.condition.kind === 'funnel' ? `${formatValue(v, 'count')} %` : firing.condition.kind === 'data_quality' ? `${formatValue(v, 'count')} findings` : formatValue(v, unit, currency);
  return (
    <button
      type="button"
      className={`alert-firing${selected ? ' selected' : ''}`}
      aria-pressed={selected}
      onClick={() => onSelect(firing.id)}
      data-testid="alert-firing"
      data-firing={firing.id}
      data-rule={firing.rule_id}
    >
      <span className="alert-firing-head">
        <time dateTime={firing.fired_at} title={exactTime(firing.fired_at)} data-field="fired-at">
          {relativeTime(firing.fired_at, now)}
        </time>
        {firing.trigger ? <span className="chip" data-field="trigger">{TRIGGER_LABELS[firing.trigger]}</span> : null}
        <strong className="alert-firing-name" data-field="rule">
          {firing.name}
        </strong>
        <span className={`chip tone-${delivery.delivered ? 'good' : 'bad'}`} data-field="delivery" data-delivered={delivery.delivered} title={firing.delivery.error}>
          {delivery.text} · {delivery.attempts}
        </span>
      </span>
      <span className="alert-firing-because" data-field="because">
        {sentence(firing.because)}
      </span>
      <span className="alert-firing-figures">
        <span data-field="value">
          <b>{value(firing.value)}</b> vs {value(firing.reference)} {against}
        </span>
        {firing.action ? (
          <span className="alert-firing-action" data-field="action" title={firing.action.because}>
            → {describeAction(firing.action, campaignNames)}
          </span>
        ) : firing.action_note ? (
          <span className="alert-firing-action muted" data-field="action-note">
            No action: {firing.action_note}
          </span>
        ) : null}
      </span>
    </button>
  );
}
