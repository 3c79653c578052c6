import type { PulseQuarter } from '../api/pulse';

const WIDTH = 520;
const ROW = 44;
const LABEL = 150;
const SCALE = (WIDTH - LABEL - 40) / 5;

const labelOf = (key?: string) => (key ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const mean = (value?: number | null) => (value == null ? 'fewer than 3 answers' : value.toFixed(2));

/**
 * One quarter's pulse as paired bars per question, our side against the partner's on the 1-5 scale, with the same
 * figures as a table (the chart is an image to assistive technology; the table is what they read).
 */
export function PulseGapChart({ quarter, minimum }: { quarter: PulseQuarter; minimum: number }) {
  const questions = quarter.questions ?? [];
  const height = questions.length * ROW + 30;
  const summary = questions.map((q) => `${labelOf(q.question)}: ours ${mean(q.ourMean)}, partner ${mean(q.partnerMean)}`).join('; ');
  return (
    <figure className="pulse-chart">
      <svg role="img" aria-label={`Partner pulse ${quarter.quarter}, our side against the partner's per question. ${summary}`}
        viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }}>
        {[1, 2, 3, 4, 5].map((tick) => (
          <g key={tick}>
            <line x1={LABEL + tick * SCALE} x2={LABEL + tick * SCALE} y1={0} y2={height - 20} stroke="#c8c8c8" strokeDasharray={tick === 3 ? '4 2' : undefined} />
            <text x={LABEL + tick * SCALE} y={height - 6} fontSize="11" textAnchor="middle" fill="#333">{tick}</text>
          </g>
        ))}
        {questions.map((q, i) => {
          const y = i * ROW + 6;
          return (
            <g key={q.question}>
              <text x={0} y={y + 20} fontSize="12" fill="#1a1a1a">{labelOf(q.question)}</text>
              {q.ourMean != null && <rect x={LABEL} y={y + 4} height={14} width={q.ourMean * SCALE} fill="#0b5cad" />}
              {q.partnerMean != null && <rect x={LABEL} y={y + 20} height={14} width={q.partnerMean * SCALE} fill="#b35c00" />}
              {q.concern && <text x={WIDTH - 4} y={y + 20} fontSize="14" textAnchor="end" fill="#b00020">!</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="small">
        <span className="legend-swatch" style={{ background: '#0b5cad' }} aria-hidden="true" /> Our side{' '}
        <span className="legend-swatch" style={{ background: '#b35c00' }} aria-hidden="true" /> Partner side.
        A side's mean shows from {minimum} answers on.
      </figcaption>
      <table className="table pulse-table">
        <caption className="visually-hidden">Partner pulse {quarter.quarter} per question</caption>
        <thead>
          <tr><th scope="col">Question</th><th scope="col">Our side</th><th scope="col">Partner side</th><th scope="col">Gap</th><th scope="col">Concern</th></tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.question}>
              <th scope="row" title={q.text}>{labelOf(q.question)}</th>
              <td>{mean(q.ourMean)} <span className="muted">({q.ourCount} answered)</span></td>
              <td>{mean(q.partnerMean)} <span className="muted">({q.partnerCount} answered)</span></td>
              <td>{q.gap == null ? '—' : q.gap.toFixed(2)}</td>
              <td>{q.concern ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
