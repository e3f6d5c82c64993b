import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lga2022 } from '../../../src/framework/lga-2022.ts';
import {
  defaultFramework,
  frameworks,
  getFramework,
  levelLabel,
  levelName,
} from '../../../src/framework/frameworks.ts';

const expectedIds = [
  'connectivity',
  'data',
  'democracy-and-participation',
  'economic-productivity-and-growth',
  'ethics-and-sustainability',
  'inclusion',
  'leadership',
  'organisational-capability',
  'partnership',
  'security-and-resilience',
  'services',
  'value',
];

// The published page (LGA, Socitm and Solace, 2022), copied from shared/reference/ into the fixtures.
const pagePath = resolve(import.meta.dirname, '../../fixtures/lga-12-outcomes-page.txt');

/** Collapses every run of whitespace (including the page's non-breaking spaces) to one space. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9-]+/)
    .filter((word) => word.length > 0);
}

/** Every run of `n` consecutive words in the text, joined by spaces. */
function wordRuns(text: string, n: number): Set<string> {
  const list = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= list.length; i++) runs.add(list.slice(i, i + n).join(' '));
  return runs;
}

const outcomes = lga2022.outcomes;

describe('lga2022 framework', () => {
  it('has the expected identity', () => {
    expect(lga2022.id).toBe('lga-digitalisation-outcomes');
    expect(lga2022.version).toBe('2022.1');
    expect(lga2022.title).toBe('Local government digitalisation outcomes');
    expect(lga2022.attribution).toBe('LGA, Socitm and Solace, 2022');
  });

  it('has the 12 outcomes with the stable ids, in order', () => {
    expect(outcomes).toHaveLength(12);
    expect(outcomes.map((outcome) => outcome.id)).toEqual(expectedIds);
  });

  it('has a five-level scale, 1..5 consecutive, with the agreed names', () => {
    expect(lga2022.scale.levels).toEqual([
      { value: 1, name: 'Starting' },
      { value: 2, name: 'Developing' },
      { value: 3, name: 'Established' },
      { value: 4, name: 'Embedded' },
      { value: 5, name: 'Leading' },
    ]);
    expect(lga2022.scale.notSureLabel).toBe('Not sure');
  });

  it('has low, medium and high confidence', () => {
    expect(lga2022.confidence).toEqual([
      { id: 'low', label: 'Low' },
      { id: 'medium', label: 'Medium' },
      { id: 'high', label: 'High' },
    ]);
  });

  it.each(outcomes.map((outcome) => [outcome.id, outcome] as const))(
    '%s has a title, statement, 3-5 prompts and one descriptor per level',
    (_id, outcome) => {
      expect(outcome.title.trim()).not.toBe('');
      expect(outcome.statement.trim()).not.toBe('');
      expect(outcome.prompts.length).toBeGreaterThanOrEqual(3);
      expect(outcome.prompts.length).toBeLessThanOrEqual(5);
      expect(outcome.descriptors).toHaveLength(lga2022.scale.levels.length);
    },
  );

  it('has no empty, whitespace-only or untrimmed text anywhere', () => {
    const texts = [
      lga2022.title,
      lga2022.attribution,
      lga2022.scale.notSureLabel,
      ...lga2022.scale.levels.map((level) => level.name),
      ...lga2022.confidence.map((option) => option.label),
      ...outcomes.flatMap((outcome) => [
        outcome.id,
        outcome.title,
        outcome.statement,
        ...outcome.prompts,
        ...outcome.descriptors,
      ]),
    ];
    for (const text of texts) {
      expect(text.trim(), JSON.stringify(text)).not.toBe('');
      expect(text, 'no leading or trailing whitespace').toBe(text.trim());
    }
  });

  it('phrases every prompt as a question', () => {
    for (const prompt of outcomes.flatMap((outcome) => outcome.prompts)) {
      expect(prompt, prompt).toMatch(/\?$/);
    }
  });

  it('has no duplicate descriptors or prompts across the framework', () => {
    const descriptors = outcomes.flatMap((outcome) => outcome.descriptors);
    expect(new Set(descriptors).size).toBe(descriptors.length);
    const prompts = outcomes.flatMap((outcome) => outcome.prompts);
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('keeps descriptors short enough to read aloud (roughly 15-35 words)', () => {
    for (const descriptor of outcomes.flatMap((outcome) => outcome.descriptors)) {
      const count = descriptor.split(/\s+/).length;
      expect(count, descriptor).toBeGreaterThanOrEqual(15);
      expect(count, descriptor).toBeLessThanOrEqual(35);
    }
  });

  it('uses the titles and statements exactly as published', () => {
    const page = normalise(readFileSync(pagePath, 'utf8'));
    for (const outcome of outcomes) {
      expect(page, outcome.id).toContain(normalise(outcome.statement));
      // The page capitalises "Growth"; we use sentence case, so titles are compared case-insensitively.
      expect(page.toLowerCase(), outcome.id).toContain(outcome.title.toLowerCase());
    }
  });

  it('writes descriptors and prompts in our own words, not copied from the statements', () => {
    // Six words in a row taken from any published statement counts as copying.
    const published = new Set(outcomes.flatMap((outcome) => [...wordRuns(outcome.statement, 6)]));
    for (const text of outcomes.flatMap((outcome) => [...outcome.descriptors, ...outcome.prompts])) {
      const copied = [...wordRuns(text, 6)].filter((run) => published.has(run));
      expect(copied, text).toEqual([]);
    }
  });
});

describe('framework registry', () => {
  it('lists the LGA framework and uses it by default', () => {
    expect(frameworks).toContain(lga2022);
    expect(defaultFramework).toBe(lga2022);
    expect(new Set(frameworks.map((framework) => framework.id)).size).toBe(frameworks.length);
  });

  it('finds a framework by id and returns undefined for an unknown id', () => {
    expect(getFramework('lga-digitalisation-outcomes')).toBe(lga2022);
    expect(getFramework('no-such-framework')).toBeUndefined();
    expect(getFramework('')).toBeUndefined();
  });

  it('names and labels scale levels', () => {
    expect(levelName(lga2022, 3)).toBe('Established');
    expect(levelLabel(lga2022, 3)).toBe('3 Established');
    expect(levelLabel(lga2022, 1)).toBe('1 Starting');
    expect(levelName(lga2022, 0)).toBeUndefined();
    expect(levelLabel(lga2022, 6)).toBeUndefined();
    expect(levelLabel(lga2022, 2.5)).toBeUndefined();
  });
});
