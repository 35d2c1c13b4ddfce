// One KPI tile: the value in its unit, the change against the previous
// period coloured by the metric's direction, a sparkline, and where the value
// stands against its benchmark band and goals.
import type { Direction, Goal, QueryResult, Unit } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { changeTone, formatChange, formatValue } from '../../frame/format';

type BenchmarkReport = NonNullable<QueryResult['benchmarks']>[number];

export interface TileData {
  id: string;
  label: string;
  unit: Unit;
  direction: Direction;
  value: number | null;
  previous: number | null;
  change: number | null;
  series: (number | null)[];
  benchmarks: BenchmarkReport[];
  goals: Goal[];
}

interface KpiTileProps {
  tile: TileData;
  currency: string;
  selected: boolean;
  onSelect: () => void;
}

export function KpiTile({ tile, currency, selected, onSelect }: KpiTileProps) {
  const tone = changeTone(tile.change, tile.direction);
  const arrow = tile.change === null ? '' : tile.change > 0 ? '▲' : tile.change < 0 ? '▼' : '';
  return (
    <button type="button" className={`tile${selected ? ' selected' : ''}`} onClick={onSelect} aria-pressed={selected} data-testid={`tile-${tile.id}`}>
      <span className="tile-label">{tile.label}</span>
      <span className="tile-value" data-testid="tile-value">
        {formatValue(tile.value, tile.unit, currency)}
      </span>
      <span className={`tile-change ${tone}`} data-testid="tile-change" title={tone === 'neutral' ? 'change against the previous period' : `${tone === 'good' ? 'better' : 'worse'} than the previous period`}>
        <span aria-hidden="true">{arrow}</span> {formatChange(tile.change)}
        <span className="tile-previous"> vs {formatValue(tile.previous, tile.unit, currency)}</span>
      </span>
      <Chart option={sparkline(tile.series, tone)} height={36} label={`${tile.label} per period`} className="sparkline" />
      <span className="tile-status">
        {tile.benchmarks.map((b) => (
          <BenchmarkChip key={b.id} band={b} unit={tile.unit} currency={currency} />
        ))}
        {tile.goals.map((g) => (
          <span key={g.id} className={`chip goal-${g.progress.status}`} data-testid="tile-goal">
            Goal {g.name ? `“${g.name}”` : ''}: {g.progress.status.replace('_', ' ')}
          </span>
        ))}
      </span>
    </button>
  );
}

function BenchmarkChip({ band, unit, currency }: { band: BenchmarkReport; unit: Unit; currency: string }) {
  const range = `${formatValue(band.low, unit, currency)}–${formatValue(band.high, unit, currency)}`;
  const where = band.position === null ? 'no value' : band.position;
  return (
    <span className={`chip verdict-${band.verdict ?? 'none'}`} data-testid="tile-benchmark" title={`benchmark band ${range}`}>
      {where} {band.label ?? 'benchmark'} ({range})
    </span>
  );
}

function sparkline(series: (number | null)[], tone: 'good' | 'bad' | 'neutral'): ChartOption {
  const color = tone === 'good' ? '#15803d' : tone === 'bad' ? '#b91c1c' : '#4b5563';
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 2, bottom: 2 },
    xAxis: { type: 'category', show: false, data: series.map((_, i) => i) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: series, showSymbol: false, lineStyle: { width: 1.5, color }, areaStyle: { color, opacity: 0.08 }, silent: true }],
  };
}
