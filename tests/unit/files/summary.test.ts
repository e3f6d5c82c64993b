import { describe, expect, it } from 'vitest';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import {
  MAX_MAILTO_LENGTH,
  SHORTENED_NOTE,
  mailtoHref,
  plainSummary,
  summarySubject,
} from '../../../src/files/summary.ts';
import { getFramework } from '../../../src/framework/frameworks.ts';
import { makeAction, makeAgreement, makeBundle, makeGroup, makeRating, makeWorkshop } from '../../factories.ts';

const framework = getFramework('lga-digitalisation-outcomes')!;

/** The subject and body a mail app would read from a mailto link. */
function decode(href: string): { subject: string; body: string } {
  expect(href.startsWith('mailto:?')).toBe(true);
  const query = href.slice('mailto:?'.length);
  const fields = Object.fromEntries(
    query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
  );
  return { subject: fields.subject!, body: fields.body! };
}

/** Three groups with a spread of answers, one agreed score and three actions. */
function workshopBundle(): WorkshopBundle {
  const workshop = makeWorkshop({
    name: 'Budget review',
    date: '2026-11-27',
    organisation: 'Exampleshire Council',
    facilitator: 'Sam Patel',
  });
  const [blue, green, red] = ['Blue', 'Green', 'Red'].map((name, i) =>
    makeGroup(workshop.id, { name, createdAt: `2026-11-27T09:0${i}:00.000Z` }),
  );
  return {
    workshop,
    groups: [red!, blue!, green!],
    ratings: [
      makeRating(blue!, 'connectivity', { now: 2, target: 4 }),
      makeRating(green!, 'connectivity', { now: 3, target: 4 }),
      makeRating(blue!, 'data', { now: 2, target: 3 }),
      makeRating(green!, 'data', { now: 3, target: 5 }),
      makeRating(red!, 'data', { now: 'not-sure', target: null }),
      makeRating(blue!, 'inclusion', { now: 'not-sure', target: null }),
      makeRating(red!, 'value', { now: 4, target: 4 }),
    ],
    agreements: [makeAgreement(workshop.id, 'connectivity', { now: 2, target: 4 })],
    actions: [
      makeAction(workshop.id, 'connectivity', { status: 'done' }),
      makeAction(workshop.id, 'data'),
      makeAction(workshop.id, 'data', { status: 'in-progress' }),
    ],
  };
}

describe('plainSummary', () => {
  it('names the workshop, its date, organisation, facilitator and groups', () => {
    const lines = plainSummary(framework, workshopBundle()).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Budget review',
      '27 November 2026, Exampleshire Council',
      'Facilitator: Sam Patel',
      'Groups: Blue, Green, Red',
    ]);
  });

  it('gives each outcome its agreed score, else the groups’ median and range, in framework order', () => {
    const lines = plainSummary(framework, workshopBundle()).split('\n');
    const outcomeLines = lines.filter((line) => line.startsWith('- '));
    expect(outcomeLines).toHaveLength(12);
    expect(outcomeLines[0]).toBe('- Connectivity: agreed 2 → 4');
    expect(outcomeLines[1]).toBe('- Data: median 2.5 → 4, now 2 to 3 (2 groups, 1 not sure)');
    expect(outcomeLines[2]).toBe('- Democracy and participation: not scored');
    expect(outcomeLines[5]).toBe('- Inclusion: 1 not sure');
    expect(outcomeLines[11]).toBe('- Value: 4 → 4 (1 group)');
  });

  it('shows an agreed "not sure" and a missing agreed target', () => {
    const bundle = workshopBundle();
    bundle.agreements = [makeAgreement(bundle.workshop.id, 'data', { now: 'not-sure', target: null })];
    expect(plainSummary(framework, bundle)).toContain('- Data: agreed Not sure → ?');
  });

  it('counts the actions and says where the full results are', () => {
    const text = plainSummary(framework, workshopBundle());
    expect(text).toContain('Actions: 3 (1 done).');
    expect(text.split('\n').at(-1)).toBe(
      'The full results (every group’s scores, the agreed scores and the actions) are in the attached or exported files.',
    );
  });

  it('copes with a workshop that has nothing yet', () => {
    const text = plainSummary(framework, makeBundle(0, []));
    expect(text).toContain('No groups yet');
    expect(text).toContain('Actions: none yet.');
  });
});

describe('mailtoHref', () => {
  it('encodes the subject and body, with CRLF line breaks', () => {
    const href = mailtoHref('Budget review: results & next steps', 'Line 1\nLine 2, “quoted” 50% + more?');
    expect(href).toBe(
      'mailto:?subject=Budget%20review%3A%20results%20%26%20next%20steps&body=Line%201%0D%0ALine%202%2C%20%E2%80%9Cquoted%E2%80%9D%2050%25%20%2B%20more%3F',
    );
    expect(decode(href)).toEqual({
      subject: 'Budget review: results & next steps',
      body: 'Line 1\r\nLine 2, “quoted” 50% + more?',
    });
  });

  it('round-trips a real summary', () => {
    const bundle = workshopBundle();
    const body = plainSummary(framework, bundle);
    const href = mailtoHref(summarySubject(bundle.workshop), body);
    expect(href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(decode(href)).toEqual({
      subject: 'Budget review: workshop results, 27 November 2026',
      body: body.replace(/\n/g, '\r\n'),
    });
  });

  it('shortens a long body at a line break, with a note, to fit', () => {
    const body = Array.from({ length: 60 }, (_, i) => `Line ${i + 1}: ${'é'.repeat(20)}`).join('\n');
    const href = mailtoHref('Subject', body);
    expect(href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    const decoded = decode(href).body.split('\r\n');
    expect(decoded[0]).toBe(`Line 1: ${'é'.repeat(20)}`);
    expect(decoded.slice(-2)).toEqual(SHORTENED_NOTE.split('\n'));
    const kept = decoded.slice(0, -2);
    expect(kept.every((line, i) => line === `Line ${i + 1}: ${'é'.repeat(20)}`)).toBe(true);
    expect(kept.length).toBeGreaterThan(5);
  });

  it('shortens a very long subject and a single long line without splitting a character', () => {
    const href = mailtoHref('😀'.repeat(300), '😀'.repeat(2000), 600);
    expect(href.length).toBeLessThanOrEqual(600);
    const { subject, body } = decode(href);
    expect(subject.endsWith('…')).toBe(true);
    expect(body.endsWith(SHORTENED_NOTE.replace(/\n/g, '\r\n'))).toBe(true);
    expect(body.startsWith('😀')).toBe(true);
  });

  it('shortens a long name in the subject', () => {
    const subject = summarySubject({ name: 'x'.repeat(200), date: '2026-11-27' });
    expect(subject).toBe(`${'x'.repeat(79)}…: workshop results, 27 November 2026`);
  });
});
