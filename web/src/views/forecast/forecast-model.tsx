// How the forecast was made: the model fitted (the lowest AICc of those tried,
// or the one asked for), the season it used, its smoothing parameters and its
// AICc, each with a line on what it means.
import type { ForecastReport } from '../../api/client';
import { Figure } from '../../frame/figure';
import { formatValue } from '../../frame/format';
import { formatParameter, modelName, seasonFigure, type ModelChoice } from './forecast-queries';

export function ForecastModel({ report, asked }: { report: ForecastReport; asked: ModelChoice }) {
  const { alpha, beta, gamma, phi } = report.params;
  const season = seasonFigure(report);
  return (
    <>
      <dl className="forecast-figures" data-testid="forecast-model" data-model={report.model}>
        <Figure
          id="model"
          label="Model"
          value={modelName(report.model)}
          detail={asked === 'auto' ? 'the lowest AICc of the models the history allows' : 'as chosen'}
          strong
        />
        <Figure id="season" label="Season" value={season.value} detail={season.detail} />
        <Figure id="alpha" label="Level α" value={formatParameter(alpha)} detail={alpha >= 0.5 ? 'high: follows the latest values' : 'low: a long memory that smooths out noise'} />
        <Figure id="beta" label="Trend β" value={formatParameter(beta)} detail={beta === null ? 'no trend' : 'how fast the trend adapts'} />
        <Figure id="gamma" label="Season γ" value={formatParameter(gamma)} detail={gamma === null ? 'no season' : 'how fast the pattern adapts'} />
        <Figure id="phi" label="Damping φ" value={formatParameter(phi)} detail={phi === null ? 'trend not damped' : 'below 1: the trend flattens out'} />
        <Figure id="aicc" label="AICc" value={formatValue(Math.round(report.aicc * 10) / 10, 'count')} detail="fit for its size; lower is better" />
      </dl>
      <p className="hint forecast-fit" data-testid="forecast-fit">
        Fitted to {formatValue(report.fitted.length, 'count')} {report.grain}s; intervals cover {formatValue(report.level * 100, 'count')}% of outcomes if the model holds.
      </p>
    </>
  );
}
