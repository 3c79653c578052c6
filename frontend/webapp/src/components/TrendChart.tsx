import { useId } from 'react';
import { formatValue, latestText, trendSummary, type Series } from './healthData';

const WIDTH = 260;
const HEIGHT = 90;
const PAD = { top: 8, right: 8, bottom: 18, left: 8 };

/**
 * One figure's quarters as a small line chart. The drawing is one image for assistive technology (its label says the
 * trend in words); the numbers are in a table behind "Show data", and the latest value and its change are plain text,
 * so nothing is told by the drawing alone.
 */
export function TrendChart({ series }: { series: Series }) {
  const id = useId();
  const { points, target } = series;
  const values = [...points.map((p) => p.value), target].filter((v): v is number => v != null);
  const max = values.length ? Math.max(...values) : 1;
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - ((v - min) / span) * innerH;

  // A quarter without data breaks the line rather than drawing a slope nobody measured.
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value == null) { pen = false; return; }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
    pen = true;
  });

  return (
    <figure className="trend-chart" aria-labelledby={`${id}-title`} data-testid={`chart-${series.figure}`}>
      <figcaption id={`${id}-title`} className="trend-title">{series.label}</figcaption>
      <svg role="img" aria-label={trendSummary(series)} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT}
        preserveAspectRatio="none" className="trend-svg">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} className="trend-axis" />
        {target != null && (
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target)} y2={y(target)} className="trend-target" strokeDasharray="4 3" />
        )}
        {path && <path d={path.trim()} className="trend-line" fill="none" />}
        {points.map((p, i) => p.value != null && (
          <circle key={p.quarter} cx={x(i)} cy={y(p.value)} r={3} className="trend-point" data-point={p.quarter} />
        ))}
        {points.map((p, i) => (
          <text key={`q-${p.quarter}`} x={x(i)} y={HEIGHT - 4} textAnchor={points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle'}
            className="trend-label" aria-hidden="true">{p.quarter.slice(5)}</text>
        ))}
      </svg>
      <p className="trend-latest">{latestText(series)}</p>
      {target != null && <p className="trend-target-text">Target: {formatValue(target, series.unit)} (dashed line)</p>}
      {series.parts > 1 && <p className="muted small">Combined over {series.parts} committees, teams or alliances.</p>}
      <details className="trend-data">
        <summary>Show data</summary>
        <table>
          <caption className="visually-hidden">{series.label} by quarter</caption>
          <thead>
            <tr><th scope="col">Quarter</th><th scope="col">Value</th><th scope="col">Measured</th></tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.quarter}>
                <th scope="row">{p.quarter}</th>
                <td>{formatValue(p.value, series.unit)}</td>
                <td>{p.sampleSize}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
