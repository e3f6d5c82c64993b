import { describe, it, expect } from 'vitest';
import { defaultFramework as framework } from '../../../src/framework/frameworks.ts';
import { groupSeries, hasAnswers, isLevel, orderedGroups } from '../../../src/domain/results.ts';
import { makeBundle, makeGroup, makeRating, makeWorkshop } from '../../factories.ts';
import { markerNames, markerPath, seriesColours, seriesStyle } from '../../../src/ui/charts/series.ts';
import { estimateEm, radarLayout, ringLabelLevels, wrapToWidth } from '../../../src/ui/charts/radar-layout.ts';

const n = framework.outcomes.length;
const indexOf = (id: string) => framework.outcomes.findIndex((o) => o.id === id);

describe('groupSeries', () => {
  it('lays each group out in framework outcome order, whatever order the ratings come in', () => {
    const workshop = makeWorkshop();
    const group = makeGroup(workshop.id, { name: 'Adults' });
    const ratings = [
      makeRating(group, 'value', { now: 5, target: 5 }),
      makeRating(group, 'connectivity', { now: 1, target: 3 }),
      makeRating(group, 'leadership', { now: 2, target: 4 }),
    ];
    const [series] = groupSeries(framework, { workshop, groups: [group], ratings, agreements: [], actions: [] });

    expect(series).toMatchObject({ groupId: group.id, name: 'Adults', index: 0 });
    expect(series?.now).toHaveLength(n);
    expect(series?.now[0]).toBe(1);
    expect(series?.target[0]).toBe(3);
    expect(series?.now[indexOf('leadership')]).toBe(2);
    expect(series?.now[n - 1]).toBe(5);
    expect(series?.now.filter((v) => v !== null)).toEqual([1, 2, 5]);
  });

  it('keeps "not sure" apart from missing, and leaves both out of the levels', () => {
    const workshop = makeWorkshop();
    const group = makeGroup(workshop.id);
    const ratings = [
      makeRating(group, 'data', { now: 'not-sure', target: 4 }),
      makeRating(group, 'inclusion', { now: null, target: null }),
    ];
    const [series] = groupSeries(framework, { workshop, groups: [group], ratings, agreements: [], actions: [] });
    const data = indexOf('data');
    const inclusion = indexOf('inclusion');

    expect(series?.now[data]).toBeNull();
    expect(series?.notSure[data]).toBe(true);
    expect(series?.target[data]).toBe(4);
    expect(series?.now[inclusion]).toBeNull();
    expect(series?.notSure[inclusion]).toBe(false);
    expect(series?.target[inclusion]).toBeNull();
    // An outcome with no rating at all.
    expect(series?.now[indexOf('partnership')]).toBeNull();
    expect(series?.notSure.filter(Boolean)).toHaveLength(1);
  });

  it('treats a value outside the scale as missing', () => {
    const workshop = makeWorkshop();
    const group = makeGroup(workshop.id);
    const ratings = [makeRating(group, 'data', { now: 9, target: 0 })];
    const [series] = groupSeries(framework, { workshop, groups: [group], ratings, agreements: [], actions: [] });
    expect(series?.now[indexOf('data')]).toBeNull();
    expect(series?.target[indexOf('data')]).toBeNull();
  });

  it('leaves out a rating for an outcome the framework does not have', () => {
    const workshop = makeWorkshop();
    const group = makeGroup(workshop.id);
    const ratings = [
      makeRating(group, 'not-an-outcome', { now: 4, target: 5 }),
      makeRating(group, 'data', { now: 2, target: 3 }),
    ];
    const [series] = groupSeries(framework, { workshop, groups: [group], ratings, agreements: [], actions: [] });
    expect(series?.now).toHaveLength(n);
    expect(series?.now.filter((v) => v !== null)).toEqual([2]);
    expect(series?.target.filter((v) => v !== null)).toEqual([3]);
  });

  it('orders groups as created, so colours stay put, and ignores other groups’ ratings', () => {
    const workshop = makeWorkshop();
    const late = makeGroup(workshop.id, { name: 'Late', createdAt: '2026-11-27T11:00:00.000Z' });
    const early = makeGroup(workshop.id, { name: 'Early', createdAt: '2026-11-27T09:00:00.000Z' });
    const stranger = makeGroup(workshop.id);
    const ratings = [makeRating(early, 'data', { now: 3 }), makeRating(stranger, 'data', { now: 1 })];
    const series = groupSeries(framework, { workshop, groups: [late, early], ratings, agreements: [], actions: [] });

    expect(series.map((s) => [s.name, s.index])).toEqual([
      ['Early', 0],
      ['Late', 1],
    ]);
    expect(series[0]?.now[indexOf('data')]).toBe(3);
    expect(series[1]?.now.every((v) => v === null)).toBe(true);
    expect(orderedGroups([late, early]).map((g) => g.name)).toEqual(['Early', 'Late']);
  });
});

describe('hasAnswers', () => {
  it('is false with no groups or only empty ratings, true once anything is answered', () => {
    const empty = makeBundle(0);
    expect(hasAnswers(groupSeries(framework, empty))).toBe(false);

    const blank = makeBundle(2);
    blank.ratings = blank.ratings.map((r) => ({ ...r, now: null, target: null }));
    expect(hasAnswers(groupSeries(framework, blank))).toBe(false);

    const notSureOnly = makeBundle(1, ['data']);
    notSureOnly.ratings = notSureOnly.ratings.map((r) => ({ ...r, now: 'not-sure' as const, target: null }));
    expect(hasAnswers(groupSeries(framework, notSureOnly))).toBe(true);

    expect(hasAnswers(groupSeries(framework, makeBundle(1)))).toBe(true);
  });

  it('isLevel accepts only the scale’s values', () => {
    expect(isLevel(framework, 1)).toBe(true);
    expect(isLevel(framework, 5)).toBe(true);
    expect(isLevel(framework, 6)).toBe(false);
    expect(isLevel(framework, 'not-sure')).toBe(false);
    expect(isLevel(framework, null)).toBe(false);
  });
});

// Series styles live in the UI, but they are plain values; checked here beside the data they draw.
describe('seriesStyle', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };

  it('has at least 8 colours, each 3:1 or more against the light and dark surfaces', () => {
    expect(seriesColours.length).toBeGreaterThanOrEqual(8);
    for (const colour of seriesColours) {
      for (const surface of ['#ffffff', '#f6f7f4', '#1c2220', '#121614']) {
        expect(contrast(colour, surface), `${colour} on ${surface}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives the first groups different colours and markers, and never repeats a pair', () => {
    const first = Array.from({ length: seriesColours.length }, (_, i) => seriesStyle(i));
    expect(new Set(first.map((s) => s.colour)).size).toBe(first.length);
    expect(new Set(first.map((s) => s.marker)).size).toBe(Math.min(first.length, markerNames.length));

    const many = Array.from({ length: 40 }, (_, i) => seriesStyle(i));
    expect(new Set(many.map((s) => `${s.colour} ${s.marker}`)).size).toBe(40);
  });

  it('draws every marker as its own path', () => {
    const paths = markerNames.map((marker) => markerPath(marker, 64));
    for (const d of paths) expect(d).toMatch(/^M/);
    expect(new Set(paths).size).toBe(markerNames.length);
  });
});

// The radar's label layout is plain geometry, in its own module.
describe('radar layout', () => {
  const titles = framework.outcomes.map((o) => o.title);
  type Box = { left: number; right: number; top: number; bottom: number };
  const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
  /** How far the box's nearest point is from the chart's centre. */
  const nearest = (b: Box) => Math.hypot(clamp(0, b.left, b.right), clamp(0, b.top, b.bottom));
  /** The chart's own sizes for a box `px` wide: 12-14px labels and an 11px gap. */
  const sizeFor = (px: number) => ({
    font: (12 + 2 * clamp((px - 360) / 240, 0, 1)) * (600 / px),
    gap: 11 * (600 / px),
  });

  it('wraps a title to the width it is given, keeping whole words', () => {
    const lines = wrapToWidth('Economic productivity and growth', 7, estimateEm);
    expect(lines?.join(' ')).toBe('Economic productivity and growth');
    for (const line of lines ?? []) expect(estimateEm(line)).toBeLessThanOrEqual(7);
    expect(wrapToWidth('Organisational capability', 3, estimateEm)).toBeNull();
  });

  it('keeps every label inside the viewBox, clear of the rings and of each other', () => {
    // The chart's own proportions: 12-14px labels with an 11px gap, at 1 to 2 units per pixel.
    for (const [font, gap] of [
      [14, 11],
      [16, 13],
      [21, 17],
      [24, 22],
    ] as const) {
      const layout = radarLayout(titles, { font, gap }, estimateEm);
      const { x, y, width, height } = layout.viewBox;
      // The largest labels (with the wide estimate) spill a little past the width rather than overlap.
      if (font <= 21) expect(width).toBe(600);
      else expect(width).toBeLessThan(640);
      layout.labels.forEach((label, i) => {
        expect(label.lines.join(' ')).toBe(titles[i]);
        expect(label.lines.length).toBeLessThanOrEqual(3);
        expect(label.box.left).toBeGreaterThanOrEqual(x);
        expect(label.box.right).toBeLessThanOrEqual(x + width);
        expect(label.box.top).toBeGreaterThanOrEqual(y);
        expect(label.box.bottom).toBeLessThanOrEqual(y + height);
        expect(nearest(label.box)).toBeGreaterThanOrEqual(layout.radius);
        for (const other of layout.labels.slice(i + 1)) expect(overlap(label.box, other.box)).toBe(false);
      });
    }
  });

  it('keeps the rings large on a phone, moving crowded labels up or down rather than shrinking the chart', () => {
    // A phone-sized chart (340px), with the estimate and with a font 8% wider (a device's fonts
    // differ): the rings stay over 40% of the width, where they used to drop to a quarter of it.
    for (const scale of [1, 1.08]) {
      const layout = radarLayout(titles, sizeFor(340), (text) => estimateEm(text) * scale);
      expect(layout.viewBox.width).toBe(600);
      expect((2 * layout.radius) / layout.viewBox.width).toBeGreaterThan(0.4);
      // The top label (Connectivity) sits above its neighbours (Value and Data), not beside them.
      const [top, next] = [layout.labels[0], layout.labels[1]];
      expect(top && next && top.box.bottom <= next.box.top).toBe(true);
    }
  });

  it('numbers every ring when they are far enough apart, else every other one from the top', () => {
    expect(ringLabelLevels([1, 2, 3, 4, 5], 30)).toEqual([1, 2, 3, 4, 5]);
    expect(ringLabelLevels([1, 2, 3, 4, 5], 20)).toEqual([1, 3, 5]);
    expect(ringLabelLevels([0, 1, 2, 3], 20)).toEqual([1, 3]);
  });

  it('gives the rings less room as the labels grow, and widens the viewBox rather than clip', () => {
    const small = radarLayout(titles, { font: 16, gap: 16 }, estimateEm);
    const large = radarLayout(titles, { font: 24, gap: 24 }, estimateEm);
    expect(large.radius).toBeLessThan(small.radius);

    const huge = radarLayout(titles, { font: 60, gap: 20 }, estimateEm);
    for (const label of huge.labels) {
      expect(label.box.left).toBeGreaterThanOrEqual(huge.viewBox.x);
      expect(label.box.right).toBeLessThanOrEqual(huge.viewBox.x + huge.viewBox.width);
    }
  });
});
