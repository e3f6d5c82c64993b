// Draws the app icons from one SVG and screenshots it in Chromium at each size.
// Run once after changing the design: `node scripts/make-icons.mjs` (writes into public/).
// Chromium renders the SVG so the PNGs need no image library in package.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const THEME = '#1d4f5c';
const SIZE = 512;
const CENTRE = SIZE / 2;

/** Twelve points on a circle, starting at the top and going clockwise. */
function spokes(radius) {
  return Array.from({ length: 12 }, (_, i) => {
    const angle = (i / 12) * 2 * Math.PI - Math.PI / 2;
    return [CENTRE + radius * Math.cos(angle), CENTRE + radius * Math.sin(angle)];
  });
}

const round = (n) => Math.round(n * 10) / 10;

/**
 * The white mark: a ring of 12 dots (the outcomes), faint spokes, and a radar shape of uneven
 * scores. Everything sits within 170 px of the centre, inside the maskable safe zone (205 px).
 */
function mark() {
  const ring = 150;
  const dots = spokes(ring)
    .map(([x, y]) => `<circle cx="${round(x)}" cy="${round(y)}" r="19"/>`)
    .join('');
  const lines = spokes(ring - 24)
    .map(([x, y]) => `<line x1="${CENTRE}" y1="${CENTRE}" x2="${round(x)}" y2="${round(y)}"/>`)
    .join('');
  const scores = [0.85, 0.6, 0.75, 0.5, 0.7, 0.9, 0.55, 0.8, 0.45, 0.7, 0.6, 0.8];
  const radar = spokes(1)
    .map(([x, y], i) => {
      const r = 118 * scores[i];
      return `${round(CENTRE + (x - CENTRE) * r)},${round(CENTRE + (y - CENTRE) * r)}`;
    })
    .join(' ');
  return [
    `<g stroke="#fff" stroke-opacity="0.4" stroke-width="6" stroke-linecap="round">${lines}</g>`,
    `<polygon points="${radar}" fill="#fff" stroke="#fff" stroke-width="8" stroke-linejoin="round"/>`,
    `<g fill="#fff">${dots}</g>`,
  ].join('');
}

/** The icon: a rounded square (transparent corners), or a full-bleed square for maskable and Apple. */
function svg({ fullBleed }) {
  const background = fullBleed
    ? `<rect width="${SIZE}" height="${SIZE}" fill="${THEME}"/>`
    : `<rect width="${SIZE}" height="${SIZE}" rx="112" fill="${THEME}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">${background}${mark()}</svg>\n`;
}

const outputs = [
  { path: 'public/icons/icon-192.png', size: 192, fullBleed: false },
  { path: 'public/icons/icon-512.png', size: 512, fullBleed: false },
  { path: 'public/icons/maskable-512.png', size: 512, fullBleed: true },
  { path: 'public/apple-touch-icon.png', size: 180, fullBleed: true },
];

await mkdir('public/icons', { recursive: true });
await writeFile('public/favicon.svg', svg({ fullBleed: false }));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const { path, size, fullBleed } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const html = `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg({ fullBleed })}`;
    await page.setContent(html);
    await page.screenshot({ path, omitBackground: !fullBleed, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${path} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
console.log('wrote public/favicon.svg');
