// The empty state of a range: says when data was last loaded, so "nothing
// here" is told apart from "nothing loaded yet".
import type { DateRange } from './date-range';
import { Notice } from './panel';
import { useFreshness } from './workspace-data';

export function NoData({ range }: { range: DateRange }) {
  const freshness = useFreshness();
  const latest = (freshness.data?.sources ?? []).map((s) => s.latest_date).filter((d): d is string => !!d).sort().at(-1);
  return (
    <Notice>
      No data from {range.from} to {range.to}
      {latest ? ` — the last data is from ${latest}.` : freshness.isPending ? '.' : ' — nothing has been loaded into this workspace yet.'}
    </Notice>
  );
}
