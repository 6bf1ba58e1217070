/**
 * Self vs. required levels as inline SVG: a radar for three or more skills, bars otherwise.
 * Colours come from CSS classes (see assessment.css) that use the site's theme variables and
 * currentColor, so the chart follows light and dark themes and prints in black and white. The
 * chart is an image for screen readers; the results table next to it carries the same figures.
 *
 * Two drawings are made and CSS shows one: a wide one with skill names, and a narrow one for
 * phones, where names at a readable size do not fit, with numbered axes and a numbered key.
 */
import { h, svg } from './dom.ts';

export interface Series {
  label: string;
  /** Positions on the ladder: 0 = not yet, 1 = first level … `rings.length` = top level. */
  values: number[];
  className: string;
  /** Which values were chosen; unchosen ones sit at the centre without a dot. */
  assessed?: boolean[];
}

interface Frame {
  width: number;
  height: number;
  narrow: boolean;
}

/** Splits a label into lines of about `max` characters at spaces and slashes. */
function lines(text: string, max = 16): string[] {
  const out: string[] = [];
  for (const word of text.split(/(?<=[ /])/)) {
    const last = out.length - 1;
    if (last >= 0 && (out[last]! + word).trim().length <= max) out[last] += word;
    else out.push(word);
  }
  return out.map((line) => line.trim());
}

/** A label of one or more lines; `vertical` -1 puts it above the point, 0 centres it, 1 below. */
function label(text: string, x: number, y: number, anchor: string, vertical: number): SVGElement {
  const parts = lines(text);
  const first = vertical < 0 ? -(parts.length - 1) * 1.15 : vertical === 0 ? 0.35 - ((parts.length - 1) * 1.15) / 2 : 0.9;
  return svg(
    'text',
    { x, y, 'text-anchor': anchor, class: 'rb-axis-label' },
    ...parts.map((part, i) => svg('tspan', { x, dy: `${i ? 1.15 : first}em` }, part)),
  );
}

const frame = ({ width, height, narrow }: Frame, description: string, ...children: (SVGElement | string)[]) =>
  svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': description, class: `rb-svg ${narrow ? 'rb-narrow' : 'rb-wide'}` }, ...children);

function radar(names: string[], rings: string[], series: Series[], description: string, narrow: boolean): SVGElement {
  const size: Frame = narrow ? { width: 360, height: 350, narrow } : { width: 560, height: 420, narrow };
  const cx = size.width / 2;
  const cy = size.height / 2;
  const radius = narrow ? 135 : 140;
  const max = rings.length;
  const at = (i: number, position: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / names.length;
    const r = (radius * Math.min(Math.max(position, 0), max + 0.4)) / max;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  };
  const points = (values: number[]) => values.map((value, i) => at(i, value).map((n) => n.toFixed(1)).join(',')).join(' ');

  return frame(
    size,
    description,
    ...rings.map((_, k) => svg('polygon', { class: 'rb-grid', points: points(names.map(() => k + 1)) })),
    ...names.map((_, i) => {
      const [x, y] = at(i, max);
      return svg('line', { class: 'rb-grid', x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1) });
    }),
    ...rings.map((ring, k) => svg('text', { class: 'rb-ring-label', x: cx + 4, y: (cy - (radius * (k + 1)) / max + 12).toFixed(1) }, ring)),
    ...series.map((one) => svg('polygon', { class: one.className, points: points(one.values) })),
    ...series.flatMap((one) =>
      one.assessed
        ? one.values.map((value, i) => {
            const [x, y] = at(i, value);
            return one.assessed![i] ? svg('circle', { class: 'rb-dot', cx: x.toFixed(1), cy: y.toFixed(1), r: 4 }) : '';
          })
        : [],
    ),
    ...names.map((name, i) => {
      const [x, y] = at(i, max + (narrow ? 0.3 : 0.25));
      const dx = x - cx;
      const dy = y - cy;
      const anchor = Math.abs(dx) < 20 ? 'middle' : dx > 0 ? 'start' : 'end';
      return label(narrow ? String(i + 1) : name, x, y, anchor, Math.abs(dy) < 40 ? 0 : dy < 0 ? -1 : 1);
    }),
  );
}

function bars(names: string[], rings: string[], series: Series[], description: string, narrow: boolean): SVGElement {
  // Wide: names left of the bars. Narrow: names above them, bars the full width.
  const width = narrow ? 360 : 560;
  const left = narrow ? 12 : 170;
  const right = width - 24;
  const row = narrow ? 74 : 56;
  const top0 = narrow ? 30 : 12;
  const height = names.length * row + 44;
  const max = rings.length;
  const x = (position: number) => left + ((right - left) * Math.min(Math.max(position, 0), max)) / max;
  return frame(
    { width, height, narrow },
    description,
    ...['not yet', ...rings].flatMap((ring, k) => [
      svg('line', { class: 'rb-grid', x1: x(k), x2: x(k), y1: 8, y2: height - 30 }),
      svg('text', { class: 'rb-ring-label', x: x(k), y: height - 10, 'text-anchor': k ? 'middle' : 'start' }, narrow && !k ? '' : ring),
    ]),
    ...names.flatMap((name, i) => {
      const top = top0 + i * row;
      return [
        narrow ? label(name, left, top - 6, 'start', -1) : label(name, left - 10, top + 20, 'end', 0),
        ...series.map((one, s) =>
          one.className === 'rb-required'
            ? svg('line', { class: one.className, x1: x(one.values[i]!), x2: x(one.values[i]!), y1: top, y2: top + 40 })
            : svg('rect', { class: one.className, x: left, y: top + 6 + (s > 1 ? 16 : 0), height: 12, width: Math.max(x(one.values[i]!) - left, 2) }),
        ),
      ];
    }),
  );
}

/** The chart with its key, as a figure. */
export function chartFigure(names: string[], rings: string[], series: Series[], description: string): HTMLElement {
  const draw = names.length >= 3 ? radar : bars;
  return h(
    'figure',
    { class: 'rb-chart' },
    draw(names, rings, series, description, false),
    draw(names, rings, series, description, true),
    h(
      'figcaption',
      null,
      h('span', { class: 'rb-keys' }, ...series.map((one) => h('span', { class: `rb-key ${one.className}` }, one.label))),
      names.length >= 3 ? h('ol', { class: 'rb-axis-key' }, ...names.map((name) => h('li', null, name))) : '',
    ),
  );
}
