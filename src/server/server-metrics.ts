// What a running server tells Prometheus (GET /metrics, loopback only by
// default): requests and their latency by route, records ingested by source
// and outcome, errors by code, and how far the derived view lags behind the
// data, and how alerting goes (evaluations, firings, failed deliveries). One
// registry per server, so servers in one process do not mix.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Trigger } from '../alerts/alert-firing.js';
import type { RuleEvaluation } from '../alerts/evaluate-rule.js';
import type { IngestSummary } from '../ingest/ingest-summary.js';

export class ServerMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'beacon_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'beacon_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly records = new Counter({
    name: 'beacon_ingested_records_total',
    help: 'Records received over HTTP, by source and outcome (accepted, updated, duplicate, rejected)',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'beacon_errors_total',
    help: 'Error answers, by error code (internal: bugs; unavailable and timeout: the warehouse)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly alertEvaluations = new Counter({
    name: 'beacon_alert_evaluations_total',
    help: 'Alert rule evaluations, by trigger (schedule, catch_up, realtime, manual) and outcome (met, not_met, no_data, error)',
    labelNames: ['trigger', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly alertDuration = new Histogram({
    name: 'beacon_alert_evaluation_duration_seconds',
    help: 'Time to evaluate an alert rule (its reads, and its webhook when it fires), by trigger',
    labelNames: ['trigger'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  private readonly alertFirings = new Counter({
    name: 'beacon_alert_firings_total',
    help: 'Alert firings recorded, by trigger',
    labelNames: ['trigger'] as const,
    registers: [this.registry],
  });

  private readonly alertDeliveryFailures = new Counter({
    name: 'beacon_alert_delivery_failures_total',
    help: 'Alert webhooks not delivered after every attempt',
    registers: [this.registry],
  });

  /** `derivedLagSeconds` reads, at scrape time, how long the oldest unrefreshed write has waited. */
  constructor(derivedLagSeconds: () => number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'beacon_' });
    new Gauge({
      name: 'beacon_derived_view_lag_seconds',
      help: 'Seconds since the oldest write the derived view has not taken in yet (0 when current)',
      registers: [this.registry],
      collect() {
        this.set(derivedLagSeconds());
      },
    });
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }

  ingested(source: string, summary: IngestSummary): void {
    this.records.inc({ source, outcome: 'accepted' }, summary.accepted);
    this.records.inc({ source, outcome: 'updated' }, summary.updated);
    this.records.inc({ source, outcome: 'duplicate' }, summary.duplicates);
    this.records.inc({ source, outcome: 'rejected' }, summary.rejected);
  }

  error(code: string): void {
    this.errors.inc({ code });
  }

  alertEvaluated(evaluation: RuleEvaluation, seconds: number): void {
    const outcome = evaluation.no_data ? 'no_data' : evaluation.met ? 'met' : 'not_met';
    this.alertEvaluations.inc({ trigger: evaluation.trigger, outcome });
    this.alertDuration.observe({ trigger: evaluation.trigger }, seconds);
    if (evaluation.fired) this.alertFirings.inc({ trigger: evaluation.trigger });
    if (evaluation.firing && !evaluation.firing.delivery.delivered) this.alertDeliveryFailures.inc();
  }

  alertFailed(trigger: Trigger): void {
    this.alertEvaluations.inc({ trigger, outcome: 'error' });
  }
}
