// A finding's examples as a compact table: a column per key of the rows,
// numbers right-aligned, days written as dates; it scrolls sideways inside
// its finding rather than widening the page.
import { exampleColumns, formatCell } from './quality-format';

export function ExampleTable({ examples }: { examples: readonly Record<string, unknown>[] }) {
  const columns = exampleColumns(examples);
  return (
    <div className="quality-examples-scroll">
      <table className="drill quality-examples" data-testid="quality-examples">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === 'number' ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {examples.map((row, i) => (
            <tr key={i} data-testid="quality-example">
              {columns.map((c) => (
                <td key={c.key} className={c.kind === 'number' ? 'num' : undefined} data-field={c.key}>
                  {formatCell(row[c.key], c.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
