import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleTime } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { FiatCurrency } from '../../shared/settings';
import { moneyWords } from '../format/money';
import { compactMoney, momentText, timeTickFormat } from './chartFormat';
import { seriesTone, type ValueChartData } from './valueSeries';
import './ValuePlot.css';

/** Drawn in a fixed box that CSS scales to the panel's width; pointer positions are mapped back into it. */
const WIDTH = 640;
const HEIGHT = 220;
// The right margin leaves room for the last time tick's label, which is centred on the axis's end.
const MARGIN = { top: 12, right: 40, bottom: 28, left: 64 };
const INNER_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const INNER_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Arrow keys step one snapshot, Page keys a tenth of the way, so a long history is crossed in a few presses. */
const PAGE_STEPS = 10;

/** Drawing only: the exact figures are in the readout and the table. */
const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** "Mar 14, 2026, 3:30 PM: total $1,234.00; Ethereum $1,000.00; Base $234.00". */
export function readoutText(data: ValueChartData, index: number, currency: FiatCurrency): string {
  const money = (value: string) => moneyWords(value, currency).text;
  const parts = data.series.flatMap((series) => {
    const value = series.values[index];
    return value == null ? [] : [`${series.label} ${money(value)}`];
  });
  const total = data.totals[index] ?? '0';
  return `${momentText(data.times[index] ?? 0)}: total ${money(total)}; ${parts.join('; ')}`;
}

function nearestIndex(times: readonly number[], at: number): number {
  let best = 0;
  times.forEach((time, index) => {
    if (Math.abs(time - at) < Math.abs((times[best] ?? 0) - at)) best = index;
  });
  return best;
}

/**
 * Value over time, one line per series. The plot is a slider over the snapshots: arrow keys or the pointer
 * pick one, and its figures are read out beside it, so a keyboard or screen reader user gets what a hover gives.
 */
export function ValuePlot({ data, currency }: { data: ValueChartData; currency: FiatCurrency }) {
  const last = data.times.length - 1;
  const [picked, setPicked] = useState<number | null>(null);
  const index = Math.min(picked ?? last, last);
  const first = data.times[0] ?? 0;
  const end = data.times[last] ?? first;
  const x = scaleTime({ domain: [new Date(first), new Date(end)], range: [0, INNER_WIDTH] });
  const top = Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => toNumber(v) ?? 0)));
  const y = scaleLinear({ domain: [0, top || 1], range: [INNER_HEIGHT, 0], nice: true });
  const readout = readoutText(data, index, currency);
  const at = x(new Date(data.times[index] ?? first));
  const tickTime = timeTickFormat(end - first);
  // Snapshots a moment apart would repeat one label along the axis: each label appears once.
  const timeTicks = [...new Map(x.ticks(5).map((tick) => [tickTime(tick), tick] as const)).values()];

  function onKeyDown(event: KeyboardEvent) {
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -PAGE_STEPS,
      PageUp: PAGE_STEPS,
      Home: -Infinity,
      End: Infinity,
    };
    const move = step[event.key];
    if (move === undefined) return;
    event.preventDefault();
    setPicked(Math.max(0, Math.min(last, index + (Number.isFinite(move) ? move : Math.sign(move) * last))));
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    const inner = ((event.clientX - box.left) / box.width) * WIDTH - MARGIN.left;
    setPicked(nearestIndex(data.times, x.invert(inner).getTime()));
  }

  return (
    <div className="value-plot">
      <p className="value-plot__readout" aria-hidden="true">
        {readout}
      </p>
      <div
        className="value-plot__frame"
        role="slider"
        tabIndex={0}
        aria-label="Snapshot"
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={index}
        aria-valuetext={readout}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
      >
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="value-plot__svg" aria-hidden="true">
          <Group left={MARGIN.left} top={MARGIN.top}>
            <AxisLeft
              scale={y}
              numTicks={4}
              stroke="currentColor"
              tickStroke="currentColor"
              tickFormat={(value) => compactMoney(Number(value), currency)}
              tickLabelProps={{ className: 'value-plot__tick', fill: 'currentColor', fontFamily: 'inherit' }}
            />
            <AxisBottom
              top={INNER_HEIGHT}
              scale={x}
              tickValues={timeTicks}
              stroke="currentColor"
              tickStroke="currentColor"
              tickFormat={(value) => tickTime(new Date(value.valueOf()))}
              tickLabelProps={{ className: 'value-plot__tick', fill: 'currentColor', fontFamily: 'inherit' }}
            />
            {data.series.map((series, slot) => (
              <LinePath
                key={series.key}
                className="value-plot__line"
                {...seriesTone(series, slot)}
                data={series.values.map((value, i) => ({ at: data.times[i] ?? 0, value: toNumber(value) }))}
                defined={(point) => point.value !== null}
                x={(point) => x(new Date(point.at))}
                y={(point) => y(point.value ?? 0)}
              />
            ))}
            <Line className="value-plot__rule" from={{ x: at, y: 0 }} to={{ x: at, y: INNER_HEIGHT }} />
            {data.series.map((series, slot) => {
              const value = toNumber(series.values[index] ?? null);
              return value === null ? null : (
                <circle
                  key={series.key}
                  className="value-plot__dot"
                  {...seriesTone(series, slot)}
                  cx={at}
                  cy={y(value)}
                  r={3.5}
                />
              );
            })}
          </Group>
        </svg>
      </div>
    </div>
  );
}
