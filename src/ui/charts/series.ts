import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';

/**
 * Series colours. Each has a contrast of at least 3:1 against the light surfaces (#ffffff, #f6f7f4)
 * and the dark ones (#1c2220, #121614), so one set serves both themes and SVG attributes can hold
 * them directly. Order puts the most different hues first.
 */
export const seriesColours: readonly string[] = [
  '#3a6fd8', // blue
  '#c25a00', // orange
  '#2a8a3e', // green
  '#8e5cc9', // purple
  '#d6336c', // pink
  '#008a8a', // teal
  '#a0652b', // brown
  '#6b7a1f', // olive
];

const sqrt3 = Math.sqrt(3);

/** d3's triangle turned upside down, so there are as many filled marker shapes as colours. */
const symbolTriangleDown: SymbolType = {
  draw(context, size) {
    const y = -Math.sqrt(size / (sqrt3 * 3));
    context.moveTo(0, -y * 2);
    context.lineTo(-sqrt3 * y, y);
    context.lineTo(sqrt3 * y, y);
    context.closePath();
  },
};

/** The marker shapes a series can have, each a filled d3 symbol. */
export type MarkerName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'triangle-down' | 'wye';

const markerTypes: Record<MarkerName, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  'triangle-down': symbolTriangleDown,
  wye: symbolWye,
};

/** Marker shapes in the order series take them. */
export const markerNames: readonly MarkerName[] = Object.keys(markerTypes) as MarkerName[];

/** How one series is drawn: its colour and its marker shape. */
export interface SeriesStyle {
  colour: string;
  marker: MarkerName;
}

/**
 * The colour and marker of the series at `index`. The first eight differ in both; after that the
 * colours repeat but the marker moves on by one each round, so no two of the first 64 look alike.
 */
export function seriesStyle(index: number): SeriesStyle {
  const i = Math.max(0, Math.floor(index));
  const colours = seriesColours.length;
  const round = Math.floor(i / colours);
  return {
    colour: seriesColours[i % colours] ?? '#3a6fd8',
    marker: markerNames[(i + round) % markerNames.length] ?? 'circle',
  };
}

/** Paths already drawn: a chart of 60 groups asks for the same few shapes and sizes many times. */
const markerPaths = new Map<string, string>();

/** An SVG path for a marker centred on 0,0; `area` is in square user units, as d3's symbol takes it. */
export function markerPath(marker: MarkerName, area: number): string {
  const key = `${marker} ${area}`;
  let path = markerPaths.get(key);
  if (path === undefined) {
    path = symbol(markerTypes[marker], area)() ?? '';
    // Sizes follow the chart's width, so the cache is emptied now and then rather than kept growing.
    if (markerPaths.size >= 500) markerPaths.clear();
    markerPaths.set(key, path);
  }
  return path;
}

/** Each series with its colour and the path of its marker at `area` (for a table's column headings). */
export function withMarkers<S extends { index: number }>(
  series: readonly S[],
  area: number,
): (S & { colour: string; marker: string })[] {
  return series.map((s) => {
    const style = seriesStyle(s.index);
    return { ...s, colour: style.colour, marker: markerPath(style.marker, area) };
  });
}
