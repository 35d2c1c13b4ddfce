// A workspace without alert rules: what a rule is, and how to create one
// from the command line or over HTTP (an admin key), from a JSON file like
// the example the README points to.
const RULE = `{
  "name": "CPA too high",
  "metric": "cpa",
  "grain": "day",
  "condition": { "kind": "threshold", "op": "above", "value": 40 },
  "by": "campaign",
  "schedule": "0 * * * *",
  "webhook": { "url": "https://hooks.example/beacon", "secret": "replace-with-a-long-random-secret" },
  "action": { "action": "decrease_budget", "by_percent": 20, "max_change_per_day_percent": 30 }
}`;

const COMMANDS = `beacon alerts create rule.json

curl -X POST http://127.0.0.1:8787/v1/alerts -H "Authorization: Bearer $BEACON_KEY" \\
  -H 'content-type: application/json' -d @rule.json`;

export function NoAlerts() {
  return (
    <div className="no-alerts" data-testid="no-alerts">
      <p>
        <strong>No alert rules yet.</strong> A rule watches a metric (or a goal, or a funnel) and, when its condition holds, records a firing here and POSTs it to a webhook. Save a
        rule as <code>rule.json</code>:
      </p>
      <pre className="code-sample">{RULE}</pre>
      <p>then create it with an admin key, from the command line or over HTTP:</p>
      <pre className="code-sample" data-testid="no-alerts-commands">
        {COMMANDS}
      </pre>
      <p className="hint">Only name, condition and webhook are required; the README’s Alerts section lists every condition and option.</p>
    </div>
  );
}
