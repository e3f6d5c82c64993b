// Download sizes of a production build, as the benchmark and the e2e size check report them.
// Sizes are gzip (node:zlib, level 9) of each file, summed, in kB of 1,000 bytes (as Vite's build
// report prints them). They do not depend on the machine, so they are checked in `npm test` too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1000;

export interface SizedFile {
  /** The path inside the build, e.g. `assets/index-abc123.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface SizeReport {
  /** gzip kB of everything the first screen needs: the page, its entry script, preloads, stylesheets. */
  initialKb: number;
  /** gzip kB of everything the service worker precaches. */
  precacheKb: number;
  initial: SizedFile[];
  precache: SizedFile[];
  /** URLs the precache manifest lists more than once (each is counted once). */
  precacheDuplicates: string[];
}

/** gzip size (level 9) of one file of the build. */
export function sizeOf(distDir: string, file: string): SizedFile {
  const data = readFileSync(path.join(distDir, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

const toKb = (files: readonly SizedFile[]) => files.reduce((sum, f) => sum + f.gzipBytes, 0) / KB;

/** A URL of the page (`/assets/x.js`, `./assets/x.js`, `assets/x.js`) as a path inside the build; null if not local. */
function localPath(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  return path.posix.normalize(clean.replace(/^\.?\//, '')).replace(/^\/+/, '');
}

/** The attributes of every `<tag ...>` in the HTML, as lower-case name → value. */
function tags(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    found.push(attrs);
  }
  return found;
}

/**
 * The modules a built JavaScript file imports statically (`import{x}from"./a.js"`, `import"./b.js"`,
 * `export{y}from"./c.js"`), as paths inside the build. Dynamic `import("...")` is left out: it is
 * loaded on demand, not for the first screen.
 */
export function staticImports(code: string, fromFile: string): string[] {
  const specifiers = new Set<string>();
  // Comments can quote imports (`@import { X } from './types.js'` in an unminified build).
  const bare = code.replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1').replace(/^\s*\/\/.*$/gm, '');
  for (const m of bare.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) {
    if (m[1]) specifiers.add(m[1]);
  }
  const dir = path.posix.dirname(fromFile);
  const resolved: string[] = [];
  for (const s of specifiers) {
    if (s.startsWith('./') || s.startsWith('../')) resolved.push(path.posix.normalize(path.posix.join(dir, s)));
    else if (s.startsWith('/')) resolved.push(s.slice(1));
  }
  return resolved;
}

/**
 * What the first screen downloads: `index.html`, its module scripts and their static imports (whether
 * or not the build lists them as modulepreloads), and its stylesheets.
 */
export function initialFiles(distDir: string): string[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = new Set<string>(['index.html']);
  const scripts: string[] = [];
  for (const attrs of tags(html, 'script')) {
    const src = attrs.src ? localPath(attrs.src) : null;
    if (src && attrs.type === 'module') scripts.push(src);
    else if (src) files.add(src);
  }
  for (const attrs of tags(html, 'link')) {
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const href = attrs.href ? localPath(attrs.href) : null;
    if (!href) continue;
    if (rel.includes('modulepreload')) scripts.push(href);
    else if (rel.includes('stylesheet')) files.add(href);
  }
  // Follow static imports: the browser fetches them before the entry runs.
  while (scripts.length > 0) {
    const file = scripts.pop();
    if (!file || files.has(file)) continue;
    files.add(file);
    scripts.push(...staticImports(readFileSync(path.join(distDir, file), 'utf8'), file));
  }
  return [...files];
}

/** The URLs the service worker's precache manifest lists, in order, from `sw.js` (generateSW). */
export function precacheUrls(distDir: string, swFile = 'sw.js'): string[] {
  const sw = readFileSync(path.join(distDir, swFile), 'utf8');
  const manifest = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*[,)]/.exec(sw)?.[1];
  if (!manifest) throw new Error(`No precache manifest (precacheAndRoute([...])) found in ${swFile}`);
  const urls = [...manifest.matchAll(/["']?\burl["']?\s*:\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => m[1] ?? m[2] ?? '');
  if (urls.length === 0) throw new Error(`The precache manifest in ${swFile} lists no URL`);
  return urls;
}

/** Both sizes of the build in `distDir`, with the files behind each. */
export function measureSizes(distDir: string): SizeReport {
  const initial = initialFiles(distDir).map((f) => sizeOf(distDir, f));
  const urls = precacheUrls(distDir);
  const seen = new Set<string>();
  const precacheDuplicates: string[] = [];
  const precache: SizedFile[] = [];
  for (const url of urls) {
    const file = localPath(url);
    if (file === null) continue;
    if (seen.has(file)) {
      precacheDuplicates.push(url);
      continue;
    }
    seen.add(file);
    precache.push(sizeOf(distDir, file));
  }
  return { initialKb: toKb(initial), precacheKb: toKb(precache), initial, precache, precacheDuplicates };
}
