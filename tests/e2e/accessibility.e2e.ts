// Accessibility checks in Chromium against the production build, on every screen and state: axe-core
// (WCAG 2.0, 2.1 and 2.2, A and AA) in the light and the dark colour scheme, touch targets of at least
// 44 x 44 CSS px, reflow at 320 px and at 200% zoom, reduced motion, live regions and chart
// alternatives. What is checked and why is written up in docs/accessibility.md.
// Build first: `npm run build`. The states share one browser profile, so they run in order.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import { groupFile as workshopGroupFile } from './group-files.ts';
import {
  chooseImportFile,
  containsAll,
  heading,
  openApp,
  openHome,
  REPO_ROOT,
  saved,
  saveFailureEvidence,
  startAppServer,
  storageFullSwitch,
  TABLET_PORTRAIT,
  tap,
  visible,
  waitForServiceWorker,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Viewport,
  type Watch,
} from './harness.ts';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** WCAG 1.4.10 Reflow: 320 CSS px wide, and 1280 x 800 at 200% zoom (the same CSS pixels as 640 x 400). */
const REFLOW_VIEWPORTS: Viewport[] = [
  { width: 320, height: 800 },
  { width: 640, height: 400 },
];
const MIN_TARGET = 44;

// ---------------------------------------------------------------------------------------------
// The workshop: three groups' files (one group each, the same workshop), imported together

const WORKSHOP = {
  id: '3c9d7a40-5e21-4b8f-9a13-6d2e8f0b1c77',
  name: 'Riverside accessibility check',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const GROUPS = [
  { id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01', name: 'Blue group' },
  { id: '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d02', name: 'Green group' },
  { id: '7c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e03', name: 'Orange group' },
] as const;
const outcomes = lga2022.outcomes;

/** One group's version-2 file: a spread of levels, one "not sure", some evidence. */
const groupFile = (groupIndex: number): string =>
  workshopGroupFile(WORKSHOP, GROUPS[groupIndex]!, groupIndex, (_, i) => ({
    now: groupIndex === 2 && i === 1 ? 'not-sure' : ((i + groupIndex * 2) % 4) + 1,
    target: Math.min(5, ((i + groupIndex) % 3) + 3),
    evidence: i === 0 ? `Evidence from ${GROUPS[groupIndex]!.name}: coverage map, 2025.` : '',
  }));

// ---------------------------------------------------------------------------------------------
// Checks that run inside the page (each function is sent to the browser on its own: no closures)

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the whole document with the WCAG A and AA tags (axe was injected beforehand).
 * Returns the violations, and the elements whose colour contrast axe could not decide ("needs
 * review": a lone digit, text beside an SVG marker, a sticky table column), as CSS selectors.
 */
async function axeInPage(tags: string[]): Promise<{ violations: AxeViolation[]; undecidedContrast: string[] }> {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations', 'incomplete'],
  });
  return {
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    })),
    undecidedContrast: result.incomplete
      .filter((r) => r.id === 'color-contrast')
      .flatMap((r) => r.nodes.map((n) => n.target.join(' '))),
  };
}

/**
 * The contrast of the elements axe left undecided, worked out here: the text colour (an SVG text's
 * fill) against the first opaque background behind it, 4.5:1 (3:1 for large text, 24 px, or 18.66 px
 * bold). Returns those below it.
 */
function undecidedContrastInPage(selectors: string[]): string[] {
  const rgba = (c: string): number[] | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
    if (!m?.[1]) return null;
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const low: string[] = [];
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (!el || el.closest(':disabled, [aria-disabled="true"], [aria-hidden="true"]')) continue;
    const style = getComputedStyle(el);
    const text = rgba(el instanceof SVGElement && style.fill.startsWith('rgb') ? style.fill : style.color);
    let back: number[] | null = null;
    for (let a: Element | null = el; a && !back; a = a.parentElement) {
      const bg = rgba(getComputedStyle(a).backgroundColor);
      if (bg && bg[3] === 1) back = bg;
    }
    back ??= rgba(getComputedStyle(document.body).backgroundColor);
    if (!text || !back) continue;
    const [l1, l2] = [luminance(text), luminance(back)].sort((x, y) => y - x) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5))
      low.push(`${selector}: ${ratio.toFixed(2)}:1 (${style.color} on rgb(${back.slice(0, 3).join(', ')}))`);
  }
  return low;
}

/**
 * Every visible control whose tap area is under `min` x `min` CSS px, found by hit testing (what a
 * finger would reach): the browser is asked which element is under each point, along the horizontal
 * and the vertical line through the control's centre. A point counts if it lands on the control, inside
 * it, or on one of its labels (a radio's label may stretch over its whole card), and so a pseudo-element
 * that enlarges a link counts too. Exempt: inline links, meaning an `a` whose parent is a `p` or `li`
 * that has text besides the link's (WCAG 2.5.8's inline exception); visually hidden controls (boxes of
 * 1 px or less, such as the file input behind "Import"); and, while a modal dialog is open, everything
 * outside it. A control shown only when focused (the skip link) is measured while focused.
 */
function smallTargetsInPage(min: number): string[] {
  const selector = 'button, a[href], input, select, textarea, summary, [role=button]';
  const describe = (el: Element) => {
    const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ');
    const id = el.id ? `#${el.id}` : '';
    const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${id}${type}${name ? ` "${name.slice(0, 60)}"` : ''}`;
  };
  const modal = document.querySelector('dialog:modal');
  const startX = window.scrollX;
  const startY = window.scrollY;
  const small: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    if (modal && !modal.contains(el)) continue;
    const own = el.getBoundingClientRect();
    if (own.width <= 1 || own.height <= 1) continue;
    const parent = el.parentElement;
    if (
      el.tagName === 'A' &&
      parent &&
      (parent.tagName === 'P' || parent.tagName === 'LI') &&
      (parent.textContent ?? '').trim() !== (el.textContent ?? '').trim()
    ) {
      continue;
    }
    el.scrollIntoView({ block: 'center', inline: 'center' });
    let r = el.getBoundingClientRect();
    const onScreen = () => r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    let focused = false;
    if (!onScreen()) {
      // Off screen until focused, like the skip link.
      el.focus({ preventScroll: true });
      focused = true;
      r = el.getBoundingClientRect();
    }
    const hits = (x: number, y: number) => {
      const at = document.elementFromPoint(x, y);
      if (!at) return false;
      if (at === el || el.contains(at)) return true;
      const label = at.closest('label');
      return !!label && label.control === el;
    };
    // Measured through the control's centre, and through each label's: a label is a second target
    // for the same choice (WCAG 2.5.8's "equivalent" exception), so the larger one counts.
    const labels = el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [];
    let best = { width: 0, height: 0, covered: true };
    for (const box of [r, ...labels.map((l) => l.getBoundingClientRect())]) {
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      if (!hits(cx, cy)) continue;
      // How far the hits reach from the centre in one direction, in half-pixel steps (up to `min`).
      const reach = (dx: number, dy: number) => {
        let d = 0;
        while (d < min && hits(cx + dx * (d + 0.5), cy + dy * (d + 0.5))) d += 0.5;
        return d;
      };
      const found = { width: reach(-1, 0) + reach(1, 0), height: reach(0, -1) + reach(0, 1), covered: false };
      if (Math.min(found.width, found.height) > Math.min(best.width, best.height)) best = found;
    }
    if (focused) el.blur();
    // One pixel of slack for the half-pixel sampling at each edge.
    if (best.width < min - 1 || best.height < min - 1) {
      small.push(
        `${describe(el)}: ${best.covered ? 'its centre is covered by another element' : `about ${best.width} x ${best.height}`}`,
      );
    }
  }
  window.scrollTo(startX, startY);
  return small;
}

/** Whether the page scrolls sideways, and if so the elements reaching past the right edge. */
function overflowInPage(): { scrollWidth: number; clientWidth: number; innerWidth: number; culprits: string[] } {
  const root = document.documentElement;
  const clientWidth = root.clientWidth;
  const culprits: string[] = [];
  if (root.scrollWidth > clientWidth) {
    const clipsX = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getBoundingClientRect().right <= clientWidth + 0.5) continue;
      let inside = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (clipsX(a)) inside = true;
      if (inside) continue;
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      culprits.push(`${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
      if (culprits.length >= 6) break;
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth, innerWidth: window.innerWidth, culprits };
}

/**
 * Names and text alternatives axe does not cover: every group of radios is a named fieldset or
 * radiogroup; every SVG that is not hidden is role="img" with a name; every chart (role="img") has a
 * name and a table on the same screen; each series in a chart has its own marker shape (colour is
 * never the only difference); every heat-map cell shows its number.
 */
function structureInPage(): string[] {
  const problems: string[] = [];
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    if (el.tagName === 'FIELDSET') return el.querySelector(':scope > legend')?.textContent?.trim() ?? '';
    if (el instanceof SVGElement) return el.querySelector(':scope > title')?.textContent?.trim() ?? '';
    return '';
  };
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });

  const radioNames = new Set<string>();
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    if (!shown(radio) || radioNames.has(radio.name)) continue;
    radioNames.add(radio.name);
    const group = radio.closest('fieldset, [role=radiogroup]');
    if (!group) problems.push(`radios "${radio.name}" are not in a fieldset or radiogroup`);
    else if (!nameOf(group)) problems.push(`the group of radios "${radio.name}" has no name`);
  }

  for (const svg of document.querySelectorAll('svg')) {
    if (!shown(svg) || svg.closest('[aria-hidden="true"]') || svg.parentElement?.closest('[role=img]')) continue;
    if (svg.getAttribute('role') !== 'img')
      problems.push(`an svg (${svg.getAttribute('class') ?? ''}) is neither hidden nor role="img"`);
  }

  const charts = [...document.querySelectorAll('[role=img]')].filter(shown);
  for (const chart of charts) {
    const name = nameOf(chart);
    if (name.length < 20)
      problems.push(
        `chart ${chart.tagName.toLowerCase()}.${chart.getAttribute('class') ?? ''} has no useful name: "${name}"`,
      );
  }
  if (charts.length > 0 && !document.querySelector('main table'))
    problems.push('a chart with no table on the same screen');

  const shapesOf = (chart: Element, marker: string) => {
    const byGroup = new Map<string, string>();
    for (const path of chart.querySelectorAll<SVGPathElement>(marker)) {
      const group = path.closest('[data-group]')?.getAttribute('data-group') ?? '';
      if (!byGroup.has(group)) byGroup.set(group, path.getAttribute('d') ?? '');
    }
    return [...byGroup.values()];
  };
  for (const chart of charts) {
    for (const marker of ['.now-marker', '.target-marker', '.dot']) {
      const shapes = shapesOf(chart, marker);
      if (new Set(shapes).size !== shapes.length)
        problems.push(`two series share a marker shape (${marker}) in a chart`);
    }
  }
  for (const cell of document.querySelectorAll('td.heat')) {
    if (!(cell.textContent ?? '').trim()) problems.push('a heat-map cell shows colour only');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

/** Waits two frames, so layout (and charts that measure themselves) catch up with a change. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** axe's violations, and the contrast problems among what axe could not decide, as lines to print. */
async function runAxe(page: Page, scheme: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (no inline scripts) does not block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations, undecidedContrast } = await page.evaluate(axeInPage, AXE_TAGS);
  const lowContrast = await page.evaluate(undecidedContrastInPage, undecidedContrast);
  return [
    ...violations.flatMap((v) => [
      `axe (${scheme}) ${v.id} [${v.impact}]: ${v.help}`,
      ...v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
    ]),
    ...lowContrast.map((c) => `contrast (${scheme}), undecided by axe, too low: ${c}`),
  ];
}

describe.sequential('accessibility of every screen and state', () => {
  let app: OpenedApp | null = null;
  let server: AppServer;
  let files = '';
  let session: BrowserSession | null = null;
  let watched: Watch | null = null;
  /** The state whose steps failed: later states need it, so they are skipped. */
  let broken = '';
  const page = () => session!.page;
  const failuresDir = path.join(REPO_ROOT, 'test-results', 'e2e-a11y-failures');

  beforeAll(async () => {
    await rm(failuresDir, { recursive: true, force: true });
    app = await openApp('a11y', { folders: ['files'], timeout: 10_000, viewport: TABLET_PORTRAIT });
    ({ server, session, watched } = app);
    [files] = app.folders as [string];
  });

  afterAll(async () => {
    await app?.close();
    await server?.stop(); // the server of the update prompt's second version, if it was started
  });

  const saveFailure = (name: string) => saveFailureEvidence(session?.page, failuresDir, name);

  /** Every check, on the screen as it is now; returns the problems found (none is a pass). */
  async function checkScreen(): Promise<string[]> {
    const p = page();
    const problems: string[] = [];
    await p.setViewportSize(TABLET_PORTRAIT);
    await p.emulateMedia({ colorScheme: 'light' });
    await settle(p);
    problems.push(...(await runAxe(p, 'light')));
    problems.push(
      ...(await p.evaluate(smallTargetsInPage, MIN_TARGET)).map((s) => `target under ${MIN_TARGET} px: ${s}`),
    );
    problems.push(...(await p.evaluate(structureInPage)));

    await p.emulateMedia({ colorScheme: 'dark' });
    await settle(p);
    const darkBackground = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (darkBackground === 'rgb(246, 247, 244)')
      problems.push('the dark colour scheme did not change the page background');
    problems.push(...(await runAxe(p, 'dark')));
    await p.emulateMedia({ colorScheme: 'light' });

    for (const viewport of REFLOW_VIEWPORTS) {
      await p.setViewportSize(viewport);
      await settle(p);
      await settle(p); // charts re-measure after a resize (ResizeObserver), then lay out again
      const o = await p.evaluate(overflowInPage);
      // scrollWidth within clientWidth (the viewport less any scrollbar), so also within innerWidth.
      if (o.scrollWidth > o.clientWidth) {
        await mkdir(failuresDir, { recursive: true });
        const shot = path.join(
          failuresDir,
          `reflow-${viewport.width}-${(await p.evaluate(() => location.hash)).replace(/[^a-z0-9]+/gi, '-').slice(-40)}.png`,
        );
        await p.screenshot({ path: shot, fullPage: true, timeout: 5_000 }).catch(() => undefined);
        problems.push(
          `scrolls sideways at ${viewport.width} x ${viewport.height}: ${o.scrollWidth} > ${o.clientWidth}; ${o.culprits.join(', ')}`,
        );
      }
    }
    await p.setViewportSize(TABLET_PORTRAIT);
    await settle(p);
    return problems;
  }

  /** One state of the app: `reach` gets there from the state before; then every check runs on it. */
  const state = (name: string, reach: () => Promise<void>, extra?: () => Promise<string[]>) =>
    it(name, async (ctx) => {
      if (broken) ctx.skip(`needs the state that could not be reached: ${broken}`);
      ctx.onTestFailed(() => saveFailure(name));
      try {
        await reach();
      } catch (error) {
        broken = name;
        throw error;
      }
      const problems = [...(await checkScreen()), ...((await extra?.()) ?? [])];
      expect(problems, `${name}:\n${problems.join('\n')}`).toEqual([]);
    });

  const link = (name: string) => page().getByRole('link', { name, exact: true });
  const button = (name: string) => page().getByRole('button', { name, exact: true });
  const backToWorkshop = async () => {
    await link('Back to workshop').click();
    await visible(heading(page(), WORKSHOP.name));
  };

  state('home, with no workshops yet', async () => {
    const p = page();
    await p.goto(server.url);
    await visible(heading(p, 'Your workshops'));
    // Controlled by the service worker, so that a new version can be offered at the end.
    await waitForServiceWorker(p);
    await visible(heading(p, 'No workshops yet', 2));
  });

  state('new workshop', async () => {
    await button('New workshop').click();
    await visible(heading(page(), 'New workshop'));
  });

  state('new workshop, with errors', async () => {
    await page().getByLabel('Workshop name').fill('');
    await button('Create workshop').click();
    await visible(page().getByRole('alert').filter({ hasText: 'There is a problem' }));
  });

  state('home, checking an import of three files', async () => {
    const p = page();
    const paths = GROUPS.map((g) => path.join(files, `${g.name.split(' ')[0]!.toLowerCase()}.json`));
    for (const [i, file] of paths.entries()) await writeFile(file, groupFile(i));
    await openHome(p, server.url);
    await chooseImportFile(p, paths);
    await visible(heading(p, 'Check the import', 2));
  });

  state(
    'home, with a workshop just imported',
    async () => {
      await button('Confirm import').click();
      await visible(
        page()
          .getByRole('status')
          .filter({ hasText: /^\s*Imported/ }),
      );
      await visible(link(WORKSHOP.name));
    },
    async () => {
      // The result of the import is a status message: it is in a live region that was there before.
      const inStatus = await page()
        .getByText(/^Imported/)
        .evaluate((el) => !!el.closest('[role=status], [aria-live]'));
      return inStatus ? [] : ['"Imported" is not inside a live region'];
    },
  );

  state('workshop', async () => {
    await link(WORKSHOP.name).click();
    await visible(heading(page(), WORKSHOP.name));
    for (const g of GROUPS) await visible(link(g.name));
  });

  state('workshop, with the remove-group dialog open', async () => {
    await button(`Remove ${GROUPS[0].name}`).click();
    await visible(page().getByRole('dialog', { name: `Remove “${GROUPS[0].name}”?` }));
  });

  state(
    'scoring an outcome, just saved',
    async () => {
      const p = page();
      await button('Cancel').click();
      await p.getByRole('dialog').waitFor({ state: 'hidden' });
      await link(GROUPS[0].name).click();
      await visible(heading(p, GROUPS[0].name));
      await visible(heading(p, outcomes[0]!.title, 2));
      await p
        .getByRole('group', { name: containsAll(outcomes[0]!.title, 'now') })
        .getByRole('radio', { name: /^3\b/ })
        .check(tap);
      await saved(p);
    },
    async () => {
      const p = page();
      const problems: string[] = [];
      // "Saved" is announced: it is inside a live region (which is in the page from the start).
      const live = await p.getByText('Saved', { exact: true }).evaluate((el) => {
        const region = el.closest('[role=status], [aria-live]');
        return region ? (region.getAttribute('role') ?? `aria-live=${region.getAttribute('aria-live')}`) : null;
      });
      if (!live) problems.push('"Saved" is not inside a live region');
      // Each outcome's two radio groups are named with the outcome and "now" or "target".
      const title = outcomes[0]!.title;
      for (const which of ['now', 'target']) {
        const group = p.getByRole('group', { name: containsAll(title, which) });
        if ((await group.count()) !== 1) problems.push(`no single radio group named with "${title}" and "${which}"`);
        else if ((await group.getByRole('radio').count()) < 5) problems.push(`the "${which}" group has too few radios`);
      }
      return problems;
    },
  );

  state('scoring, with a change the full device refused', async () => {
    const p = page();
    // The device is full for one tap (see storageFullSwitch in harness.ts); later writes work again.
    await p.evaluate(storageFullSwitch);
    await p.evaluate(() => (window.__storageFull = true));
    await p
      .getByRole('group', { name: containsAll(outcomes[0]!.title, 'now') })
      .getByRole('radio', { name: /^4\b/ })
      .check(tap);
    await visible(
      p
        .getByRole('alert')
        .filter({ has: p.getByRole('heading', { name: 'Not saved: this device is out of storage space' }) }),
    );
    await p.evaluate(() => (window.__storageFull = false));
    await visible(button('Export this workshop now'));
  });

  state('scoring overview', async () => {
    await link('See all outcomes').click();
    await visible(heading(page(), 'All outcomes', 2));
  });

  state('results', async () => {
    await backToWorkshop();
    await link('Results').click();
    await visible(heading(page(), 'Results'));
    await visible(page().getByRole('table'));
  });

  state('compare', async () => {
    await backToWorkshop();
    await link('Compare groups').click();
    await visible(heading(page(), 'Compare groups'));
    await visible(page().getByRole('table', { name: /each group’s now level/i }));
  });

  state('agree, with errors in the action form', async () => {
    const p = page();
    const outcome = outcomes[0]!.title;
    await link(`Agree ${outcome}`).click();
    await visible(heading(p, `Agree: ${outcome}`));
    await p
      .getByRole('group', { name: `${outcome}: agreed now`, exact: true })
      .getByRole('radio', { name: /^2\b/ })
      .check(tap);
    await p
      .getByRole('group', { name: `${outcome}: agreed target`, exact: true })
      .getByRole('radio', { name: /^4\b/ })
      .check(tap);
    await saved(p);
    await button('Add action').click();
    await visible(p.getByRole('alert').filter({ hasText: 'There is a problem' }));
  });

  state('agree, with an action added', async () => {
    const p = page();
    await p.getByLabel('What needs to happen', { exact: true }).fill('Map the coverage gaps with the county');
    await p.getByLabel('Owner', { exact: true }).fill('Head of digital');
    await p.getByLabel('Due date', { exact: true }).fill('2027-03-31');
    await button('Add action').click();
    await visible(p.getByRole('status').filter({ hasText: 'Added “Map the coverage gaps with the county”.' }));
  });

  state('actions', async () => {
    await link('See, change or remove all actions').click();
    await visible(heading(page(), 'Actions'));
    await visible(page().getByRole('rowheader', { name: 'Map the coverage gaps with the county' }));
  });

  state('report', async () => {
    await backToWorkshop();
    await link('Report').click();
    await visible(page().locator('article.report-document').getByRole('heading', { level: 1, name: WORKSHOP.name }));
  });

  state('about this device', async () => {
    await page().getByRole('banner').getByRole('link', { name: 'About this device', exact: true }).click();
    await visible(heading(page(), 'About this device'));
  });

  state('page not found', async () => {
    await page().goto(`${server.url}#/no-such-screen`);
    await visible(heading(page(), 'Page not found'));
  });

  state('import error', async () => {
    const p = page();
    const damaged = path.join(files, 'damaged.json');
    await writeFile(damaged, '{ "format": "outcomes-workshop", "formatVersion": 2, "workshop": ');
    await openHome(p, server.url);
    await chooseImportFile(p, damaged);
    await visible(p.getByRole('alert').filter({ hasText: 'Nothing has been imported' }));
  });

  state(
    'update prompt',
    async () => {
      // A second version without a second build: the same files with one byte more in sw.js, which the
      // browser sees as a new service worker. It installs, waits, and the app offers to reload into it.
      const p = page();
      const copy = path.join(files, 'dist-next');
      await cp(path.join(REPO_ROOT, 'dist'), copy, { recursive: true });
      const sw = path.join(copy, 'sw.js');
      await writeFile(sw, `${await readFile(sw, 'utf8')}\n// next version\n`);
      const port = server.port;
      await server.stop();
      server = await startAppServer({ port, outDir: copy });
      await p.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await visible(p.getByRole('region').filter({ hasText: 'A new version of Outcomes Workshop is ready' }), 20_000);
    },
    async () => {
      // The prompt is announced: it appears inside a live region that was in the page before it.
      const inStatus = await page()
        .getByText(/^\s*A new version of Outcomes Workshop is ready/)
        .evaluate((el) => !!el.closest('[role=status], [aria-live]'));
      return inStatus ? [] : ['the update prompt is not inside a live region'];
    },
  );

  it('moves nothing when reduced motion is asked for', async (ctx) => {
    if (broken) ctx.skip(`needs the state that could not be reached: ${broken}`);
    const p = page();
    await p.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    const running = () =>
      p.evaluate(() =>
        document.getAnimations().map((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          const what =
            a instanceof CSSTransition
              ? `transition of ${a.transitionProperty}`
              : a instanceof CSSAnimation
                ? `animation ${a.animationName}`
                : `${a.constructor.name} ${a.id}`;
          return `${what} on ${target?.tagName.toLowerCase() ?? '?'}.${target?.getAttribute('class') ?? ''} (${a.playState})`;
        }),
      );
    const seen: string[] = [];
    // At once (a transition of a few milliseconds would still be running) and again two frames later.
    const after = async (what: string) => {
      for (const when of ['at once', 'two frames later']) {
        if (when !== 'at once') await settle(p);
        const names = await running();
        if (names.length) seen.push(`${what}, ${when}: ${names.join(', ')}`);
      }
    };
    await openHome(p, server.url);
    await after('home');
    await link(WORKSHOP.name).click();
    await visible(heading(p, WORKSHOP.name));
    await after('workshop');
    await button(`Remove ${GROUPS[1].name}`).click();
    await after('dialog opened');
    await button('Cancel').click();
    await after('dialog closed');
    await link(GROUPS[1].name).click();
    await visible(heading(p, GROUPS[1].name));
    await page().locator('summary', { hasText: 'Things to consider' }).click();
    await after('details toggled');
    await link('Back to workshop').click();
    await link('Compare groups').click();
    await visible(heading(p, 'Compare groups'));
    await p
      .getByRole('group', { name: 'Order outcomes by' })
      .getByRole('radio', { name: 'Framework order' })
      .check(tap);
    await after('compare reordered');
    // Any transition added later is switched off by the reduced-motion rule in app.css.
    const transition = await p.locator('main').evaluate((el) => getComputedStyle(el).transitionProperty);
    expect(seen).toEqual([]);
    expect(transition).toBe('none');
    await p.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('threw no error in the page and broke no CSP rule', () => {
    expect(watched?.pageErrors).toEqual([]);
    expect(watched?.cspViolations).toEqual([]);
  });
});
