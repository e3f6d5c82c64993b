// The figures a run reports, and the statistics and formatting they are made with.

export interface Result {
  metric: string;
  value: number;
  unit: string;
  /** null for figures reported only to explain others. */
  budget: number | null;
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const fmt = (xs: readonly number[]) => xs.map((x) => round(x, 0)).join(' ');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (...parts: unknown[]) => console.log(...parts);
