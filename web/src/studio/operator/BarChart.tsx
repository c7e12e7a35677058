// A small accessible bar chart drawn as SVG: one bar per row with its label above it (readable on a 360 px phone), a value
// axis with three ticks, and the same numbers as a table for screen readers and for copying. No chart library.
import { useId } from 'react';
import { useStudioI18n } from '../i18n';

export interface Bar {
  label: string;
  value: number;
}

const rowHeight = 44;
const axisHeight = 28;
/** The bars take at most this share of the width, leaving room for the value after the longest one. */
const span = 88;

/** A round maximum for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function BarChart({ title, bars, valueLabel, labelHeading, empty }: { title: string; bars: Bar[]; valueLabel: string; labelHeading: string; empty?: string }) {
  const { t } = useStudioI18n();
  const id = useId();
  const max = niceMax(Math.max(2, ...bars.map((b) => b.value)));
  const height = bars.length * rowHeight + axisHeight;
  const x = (value: number) => `${(value / max) * span}%`;
  // Whole numbers only: the middle tick is left out when it would fall between two counts.
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty ?? t('stats.nothing')}</p>
      ) : (
        <>
          <svg className="chart__svg" width="100%" height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
            <desc id={`${id}-desc`}>{bars.map((b) => `${b.label}: ${b.value}`).join('; ')}</desc>
            {ticks.map((tick) => (
              <g key={tick} aria-hidden="true">
                <line x1={x(tick)} x2={x(tick)} y1={0} y2={bars.length * rowHeight} className="chart__grid" />
                <text x={x(tick)} y={bars.length * rowHeight + 18} className="chart__tick" textAnchor={tick === 0 ? 'start' : 'middle'}>
                  {tick}
                </text>
              </g>
            ))}
            {bars.map((bar, index) => (
              <g key={`${bar.label}-${index}`} aria-hidden="true">
                <text x={0} y={index * rowHeight + 15} className="chart__label">{bar.label}</text>
                <rect x={0} y={index * rowHeight + 21} width={bar.value > 0 ? x(bar.value) : 2} height={16} className="chart__bar" />
                <text x={x(bar.value)} dx={bar.value > 0 ? 6 : 8} y={index * rowHeight + 34} className="chart__value">{bar.value}</text>
              </g>
            ))}
          </svg>
          <details className="chart__table">
            <summary>{t('stats.asTable')}</summary>
            <table className="table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr><th scope="col">{labelHeading}</th><th scope="col" className="numeric">{valueLabel}</th></tr>
              </thead>
              <tbody>
                {bars.map((bar, index) => (
                  <tr key={`${bar.label}-${index}`}><th scope="row">{bar.label}</th><td className="numeric">{bar.value}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
