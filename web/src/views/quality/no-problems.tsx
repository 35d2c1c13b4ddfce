// The audit with nothing to report: every check passed.
export function NoProblems({ checks }: { checks: number }) {
  return (
    <div className="quality-clean" role="status" data-testid="quality-clean">
      <strong>No problems found in the data.</strong> All {checks} checks passed: ad rows, conversions, campaign tags, currencies, event dates, tracking volume, platform
      conversions, duplicates and source freshness look right.
    </div>
  );
}
