// The catalog's metrics as <option>s grouped by their group (paid media, web,
// email…), for every picker of a catalog metric.
import type { CatalogMetric } from '../api/client';

export function CatalogMetricOptions({ catalog }: { catalog: readonly CatalogMetric[] }) {
  const groups = new Map<string, CatalogMetric[]>();
  for (const m of catalog) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
  return (
    <>
      {[...groups].map(([group, members]) => (
        <optgroup key={group} label={group.replace('_', ' ')}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
