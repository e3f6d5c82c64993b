// The radar chart's layout: plain geometry, so it is tested without a browser.
// Geometry is in viewBox units, laid out for a 600-unit width, and the SVG scales to its box.
// Text, markers and strokes are sized in CSS pixels and converted with the box's real width, so
// they stay readable on a phone without looking oversized on a tablet.

/** The viewBox width the chart is laid out for. */
export const WIDTH = 600;
const EDGE = 6;
const MIN_RADIUS = 70;
const MAX_RADIUS = 220;
const MAX_LINES = 3;
/** Longest line a label may have, in ems, even where there is room for more. */
const MAX_LINE_EM = 9;

/** Measures a line of label text, in ems of the label font. */
export type MeasureEm = (text: string) => number;

/** A guess at a line's width in ems (on the wide side), used until the browser has measured it. */
export const estimateEm: MeasureEm = (text) =>
  [...text].reduce((sum, ch) => {
    if (/[fijlrt .,'-]/.test(ch)) return sum + 0.36;
    if (/[mwMW]/.test(ch)) return sum + 0.95;
    return sum + (ch === ch.toUpperCase() ? 0.72 : 0.62);
  }, 0);

/** Every run of whole words in a title: the only lines a wrapped title can have. */
export function candidateLines(title: string): string[] {
  const words = title.split(/\s+/).filter(Boolean);
  return words.flatMap((_, i) => words.slice(i).map((__, j) => words.slice(i, i + j + 1).join(' ')));
}

/** Wraps a title greedily into lines no wider than `maxEm`; null if one word alone is wider. */
export function wrapToWidth(title: string, maxEm: number, measure: MeasureEm): string[] | null {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= maxEm) lines[lines.length - 1] = `${last} ${word}`;
    else if (measure(word) <= maxEm) lines.push(word);
    else return null;
  }
  return lines;
}

/** Where one outcome's title goes, relative to the chart's centre. */
export interface AxisLabel {
  lines: string[];
  x: number;
  /** The baseline of each line. */
  ys: number[];
  anchor: 'start' | 'middle' | 'end';
  box: { left: number; right: number; top: number; bottom: number };
}

/** The chart's radius, its viewBox and its axis labels. */
export interface RadarLayout {
  radius: number;
  angles: number[];
  labels: AxisLabel[];
  viewBox: { x: number; y: number; width: number; height: number };
}

/** Label font size, and the gap between the outer ring and the labels (room for a marker), in viewBox units. */
export interface LabelSize {
  font: number;
  gap: number;
}

type Box = AxisLabel['box'];
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Places every label at the end of its spoke for a radius. `fit`: wrapped to the room left in the
 * width in at most MAX_LINES lines, else null. `spill`: wrapped as narrow as its words allow,
 * ignoring the width. Labels never reach into the rings or overlap: from the middle height
 * outwards, a label that would moves away from the middle (up in the top half, down in the bottom
 * half) until it is clear, so a diagonal label keeps its corner off the rings, and the top and
 * bottom ones stack beyond their neighbours rather than shrink the chart.
 */
function placeLabels(
  titles: string[],
  radius: number,
  { font, gap }: LabelSize,
  measure: MeasureEm,
  mode: 'fit' | 'spill',
): AxisLabel[] | null {
  const lineHeight = 1.15 * font;
  const half = WIDTH / 2 - EDGE;
  const clearance = radius + gap / 3;
  const labels: (AxisLabel & { cos: number })[] = [];
  for (const [i, title] of titles.entries()) {
    const angle = (2 * Math.PI * i) / titles.length;
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    const x = (radius + gap) * sin;
    const y = -(radius + gap) * cos;
    // Side labels grow outwards from the spoke's end; the top and bottom ones are centred on it.
    const anchor = sin > 0.25 ? 'start' : sin < -0.25 ? 'end' : 'middle';
    const room = anchor === 'middle' ? 2 * (half - Math.abs(x)) : half - Math.abs(x);
    const widestWord = Math.max(...title.split(/\s+/).map(measure));
    const maxEm = mode === 'fit' ? Math.min(MAX_LINE_EM, room / font) : Math.max(widestWord, MAX_LINE_EM / 2);
    const lines = wrapToWidth(title, maxEm, measure);
    if (!lines || (mode === 'fit' && lines.length > MAX_LINES)) return null;
    const w = Math.max(...lines.map(measure)) * font;
    const h = lines.length * lineHeight;
    // Labels near the top sit on the spoke's end, those near the bottom hang from it, and those
    // towards the sides are centred on it (cubed, so the diagonal ones stay clear of their neighbours).
    const top = y - h * (0.5 + 0.5 * cos ** 3);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    labels.push({ lines, x, ys: [], anchor, box: { left, right: left + w, top, bottom: top + h }, cos });
  }
  const placed: Box[] = [];
  for (const label of [...labels].sort((a, b) => Math.abs(a.cos) - Math.abs(b.cos))) {
    const up = label.cos > 0;
    const move = (shift: number) =>
      (label.box = { ...label.box, top: label.box.top + shift, bottom: label.box.bottom + shift });
    // Off the rings: the box's corner (or edge) nearest the centre at least `clearance` from it.
    const nearX = clamp(0, label.box.left, label.box.right);
    if (Math.hypot(nearX, clamp(0, label.box.top, label.box.bottom)) < clearance) {
      const nearY = Math.sqrt(Math.max(0, clearance ** 2 - nearX ** 2));
      move(up ? -nearY - label.box.bottom : nearY - label.box.top);
    }
    // Each move clears one placed label for good (the label only moves one way), so this ends.
    for (
      let other = placed.find((o) => overlaps(o, label.box));
      other;
      other = placed.find((o) => overlaps(o, label.box))
    ) {
      move(up ? other.top - 0.15 * font - label.box.bottom : other.bottom + 0.15 * font - label.box.top);
    }
    const { box } = label;
    placed.push(box);
    label.ys = label.lines.map((_, k) => box.top + k * lineHeight + lineHeight / 2 + 0.35 * font);
  }
  return labels.map(({ cos: _, ...label }) => label);
}

/** The first radius, from `from` towards `to` in steps of 2, at which `place` succeeds, with its labels. */
function firstRadius(from: number, to: number, place: (radius: number) => AxisLabel[] | null) {
  const step = from > to ? -2 : 2;
  for (let radius = from; step < 0 ? radius >= to : radius <= to; radius += step) {
    const labels = place(radius);
    if (labels) return { radius, labels };
  }
  return null;
}

/** The largest radius at which every title fits beside its spoke within the width, with the viewBox around it all. */
export function radarLayout(titles: string[], size: LabelSize, measure: MeasureEm): RadarLayout {
  // When nothing fits the width (big labels in a small box), take the smallest radius, wrap the
  // labels as narrow as their words allow, and let the viewBox grow: everything draws a little
  // smaller, but nothing is clipped or overlaps.
  const fit = (radius: number) => placeLabels(titles, radius, size, measure, 'fit');
  const largest = firstRadius(MAX_RADIUS, MIN_RADIUS, fit);
  // Up to 6% smaller rings, if that puts the labels in fewer lines ("Democracy and / participation"
  // rather than three lines): a difference hardly seen in the rings, but easily in the labels.
  const lineCount = (labels: AxisLabel[]) => labels.reduce((sum, label) => sum + label.lines.length, 0);
  let best = largest;
  for (
    let radius = (largest?.radius ?? 0) - 2;
    best && radius >= 0.94 * best.radius && radius >= MIN_RADIUS;
    radius -= 2
  ) {
    const labels = fit(radius);
    if (labels && lineCount(labels) < lineCount(best.labels)) best = { radius, labels };
  }
  const { radius, labels } = best ?? {
    radius: MIN_RADIUS,
    labels: placeLabels(titles, MIN_RADIUS, size, measure, 'spill') ?? [],
  };
  const left = Math.min(-WIDTH / 2, ...labels.map((l) => l.box.left - EDGE));
  const right = Math.max(WIDTH / 2, ...labels.map((l) => l.box.right + EDGE));
  const top = Math.min(-radius, ...labels.map((l) => l.box.top)) - EDGE;
  const bottom = Math.max(radius, ...labels.map((l) => l.box.bottom)) + EDGE;
  return {
    radius,
    angles: titles.map((_, i) => (2 * Math.PI * i) / titles.length),
    labels,
    viewBox: { x: left, y: top, width: right - left, height: bottom - top },
  };
}

/**
 * The levels whose rings are numbered: all of them when the rings are at least `minGapPx` apart on
 * screen, else every other one from the highest down (5, 3, 1), so the numbers never crowd.
 */
export function ringLabelLevels(levels: readonly number[], ringGapPx: number, minGapPx = 30): number[] {
  if (ringGapPx >= minGapPx) return [...levels];
  const count = levels.length;
  return levels.filter((_, i) => (count - 1 - i) % 2 === 0);
}
