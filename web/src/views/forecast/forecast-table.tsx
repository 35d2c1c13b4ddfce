// The forecast, one row per day, week or month: the point forecast and the
// ends of its prediction interval, in the metric's unit.
import type { ForecastReport, Unit } from '../../api/client';
import { formatValue } from '../../frame/format';
import { periodLabel, weekday } from './forecast-queries';

interface ForecastTableProps {
  report: ForecastReport;
  unit: Unit;
  currency: string;
}

export function ForecastTable({ report, unit, currency }: ForecastTableProps) {
  const format = (v: number) => formatValue(v, unit, currency);
  const level = `${formatValue(report.level * 100, 'count')}%`;
  return (
    <div className="table-scroll forecast-table-scroll">
      <table className="drill forecast-table" data-testid="forecast-table">
        <thead>
          <tr>
            <th scope="col">{report.grain === 'day' ? 'Date' : report.grain === 'week' ? 'Week' : 'Month'}</th>
            <th scope="col" className="num">
              Forecast
            </th>
            <th scope="col" className="num">
              Lower ({level})
            </th>
            <th scope="col" className="num">
              Upper ({level})
            </th>
          </tr>
        </thead>
        <tbody>
          {report.points.map((p) => (
            <tr key={p.date} data-testid="forecast-row" data-date={p.date} data-value={p.value} data-lower={p.lower} data-upper={p.upper}>
              <th scope="row">
                {periodLabel(p.date, report.grain)}
                {report.grain === 'day' ? <span className="forecast-weekday">{weekday(p.date)}</span> : null}
              </th>
              <td className="num" data-field="value">
                {format(p.value)}
              </td>
              <td className="num" data-field="lower">
                {format(p.lower)}
              </td>
              <td className="num" data-field="upper">
                {format(p.upper)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
