import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import {
  actionsCsv,
  agreementsCsv,
  csvFile,
  csvFileName,
  csvFiles,
  localDateTime,
  ratingsCsv,
} from '../../../src/files/csv.ts';
import { getFramework } from '../../../src/framework/frameworks.ts';
import { makeAction, makeAgreement, makeBundle, makeGroup, makeRating, makeWorkshop } from '../../factories.ts';

const framework = getFramework('lga-digitalisation-outcomes')!;

/** The CSV text as rows of cells, the way a spreadsheet reads it (the byte-order mark removed first). */
function parse(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { header: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Rows as objects keyed by the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

/** Two groups, Blue (created first) and Green, with a few answers, two agreed scores and three actions. */
function workshopBundle(): WorkshopBundle {
  const workshop = makeWorkshop({ name: 'Budget review', date: '2026-11-27' });
  const green = makeGroup(workshop.id, { name: 'Green', createdAt: '2026-11-27T09:06:00.000Z' });
  const blue = makeGroup(workshop.id, { name: 'Blue', createdAt: '2026-11-27T09:05:00.000Z' });
  return {
    workshop,
    groups: [green, blue],
    ratings: [
      makeRating(blue, 'data', { now: 'not-sure', target: 3, confidence: 'low' }),
      makeRating(blue, 'connectivity', {
        now: 2,
        target: 4,
        confidence: 'medium',
        evidence: 'Coverage map, 2025',
        notes: 'Ask about "library" Wi-Fi\nand buses',
      }),
      makeRating(green, 'connectivity', { now: 3, target: null, confidence: null }),
    ],
    agreements: [
      makeAgreement(workshop.id, 'data', { now: 'not-sure', target: 3, rationale: 'Nobody knew' }),
      makeAgreement(workshop.id, 'connectivity', {
        now: 2,
        target: 4,
        rationale: 'Both said 2 or 3',
        dissent: 'Green: 3, because of "free" Wi-Fi',
      }),
      makeAgreement(workshop.id, 'value', { now: null, target: null }),
    ],
    actions: [
      makeAction(workshop.id, 'data', { what: 'List our data sets', owner: '', due: '', status: 'not-started' }),
      makeAction(workshop.id, 'connectivity', {
        what: 'Map coverage, ward by ward',
        owner: 'Digital lead',
        due: '2027-03-31',
        status: 'in-progress',
      }),
      makeAction(workshop.id, 'connectivity', {
        what: 'Tell members',
        status: 'done',
        createdAt: '2026-11-27T12:30:00.000Z',
      }),
    ],
  };
}

describe('ratingsCsv', () => {
  it('has the header and one row per group and outcome, groups in creation order and outcomes in framework order', () => {
    const bundle = workshopBundle();
    const [header, ...rows] = parse(ratingsCsv(framework, bundle));
    expect(header).toEqual([
      'Workshop',
      'Date',
      'Group',
      'Outcome ID',
      'Outcome',
      'Now',
      'Now level',
      'Target',
      'Target level',
      'Confidence',
      'Evidence',
      'Notes',
      'Last changed',
    ]);
    expect(rows).toHaveLength(2 * 12);
    expect(rows.slice(0, 12).every((row) => row[2] === 'Blue')).toBe(true);
    expect(rows.slice(12).every((row) => row[2] === 'Green')).toBe(true);
    expect(rows.slice(0, 12).map((row) => row[3])).toEqual(framework.outcomes.map((o) => o.id));
  });

  it('writes the answers: levels as numbers with their names, "Not sure", confidence labels, text as it is', () => {
    const rows = records(ratingsCsv(framework, workshopBundle()));
    expect(rows[0]).toEqual({
      Workshop: 'Budget review',
      Date: '2026-11-27',
      Group: 'Blue',
      'Outcome ID': 'connectivity',
      Outcome: 'Connectivity',
      Now: '2',
      'Now level': 'Developing',
      Target: '4',
      'Target level': 'Embedded',
      Confidence: 'Medium',
      Evidence: 'Coverage map, 2025',
      Notes: 'Ask about "library" Wi-Fi\nand buses',
      'Last changed': localDateTime('2026-11-27T10:00:00.000Z'),
    });
    expect(rows[1]).toMatchObject({
      Outcome: 'Data',
      Now: 'Not sure',
      'Now level': '',
      Target: '3',
      'Target level': 'Established',
      Confidence: 'Low',
    });
    expect(rows[12]).toMatchObject({
      Group: 'Green',
      Outcome: 'Connectivity',
      Now: '3',
      Target: '',
      'Target level': '',
      Confidence: '',
    });
    // An outcome nobody answered: a row with empty answers.
    expect(rows[2]).toMatchObject({
      Group: 'Blue',
      Outcome: 'Democracy and participation',
      Now: '',
      Target: '',
      'Last changed': '',
    });
  });

  it('writes levels as bare numbers, so a spreadsheet can average them', () => {
    const text = ratingsCsv(framework, workshopBundle());
    expect(text.split('\r\n')[1]).toContain(',Connectivity,2,Developing,4,Embedded,Medium,');
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const text = ratingsCsv(framework, workshopBundle());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, 10)).toBe('Workshop,');
    const lineEnds = text.replace(/"[^"]*"/g, '').match(/\r?\n/g) ?? [];
    expect(lineEnds).toHaveLength(24);
    expect(lineEnds.every((end) => end === '\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks', () => {
    const text = ratingsCsv(framework, workshopBundle());
    expect(text).toContain('"Coverage map, 2025"');
    expect(text).toContain('"Ask about ""library"" Wi-Fi\nand buses"');
  });

  it('stops spreadsheet formulas: text starting with = + - @ or a tab gets a leading apostrophe', () => {
    const bundle = workshopBundle();
    const [blue] = bundle.groups.filter((g) => g.name === 'Blue');
    bundle.groups = [{ ...blue!, name: '=HYPERLINK("http://evil.example","Click")' }];
    bundle.ratings = [
      makeRating(blue!, 'connectivity', { evidence: '+1 for the plan', notes: '@SUM(A1:A2)' }),
      makeRating(blue!, 'data', { evidence: '-2 on last year', notes: '\tTabbed' }),
    ];
    const rows = records(ratingsCsv(framework, bundle));
    expect(rows[0]).toMatchObject({
      Group: `'=HYPERLINK("http://evil.example","Click")`,
      Evidence: "'+1 for the plan",
      Notes: "'@SUM(A1:A2)",
    });
    expect(rows[1]).toMatchObject({ Evidence: "'-2 on last year", Notes: "'\tTabbed" });
  });

  it('has only the header when there are no groups', () => {
    expect(parse(ratingsCsv(framework, makeBundle(0, [])))).toHaveLength(1);
  });
});

describe('agreementsCsv', () => {
  it('has one row per agreed outcome, in framework order, with the groups’ median now', () => {
    const rows = records(agreementsCsv(framework, workshopBundle()));
    expect(rows).toEqual([
      {
        'Outcome ID': 'connectivity',
        Outcome: 'Connectivity',
        'Agreed now': '2',
        'Agreed target': '4',
        Rationale: 'Both said 2 or 3',
        Dissent: 'Green: 3, because of "free" Wi-Fi',
        "Groups' median now": '2.5',
      },
      {
        'Outcome ID': 'data',
        Outcome: 'Data',
        'Agreed now': 'Not sure',
        'Agreed target': '3',
        Rationale: 'Nobody knew',
        Dissent: '',
        "Groups' median now": '',
      },
    ]);
  });

  it('leaves out an agreed score with nothing in it', () => {
    const text = agreementsCsv(framework, workshopBundle());
    expect(text).not.toContain('value');
  });

  it('starts with a byte-order mark', () => {
    expect(agreementsCsv(framework, makeBundle(0, []))).toBe(
      "\uFEFFOutcome ID,Outcome,Agreed now,Agreed target,Rationale,Dissent,Groups' median now",
    );
  });
});

describe('actionsCsv', () => {
  it('has one row per action, by outcome in framework order then as added, with the status in words', () => {
    const rows = records(actionsCsv(framework, workshopBundle()));
    expect(rows).toEqual([
      {
        Outcome: 'Connectivity',
        What: 'Map coverage, ward by ward',
        Owner: 'Digital lead',
        Due: '2027-03-31',
        Status: 'In progress',
      },
      { Outcome: 'Connectivity', What: 'Tell members', Owner: 'Sam Patel', Due: '', Status: 'Done' },
      { Outcome: 'Data', What: 'List our data sets', Owner: '', Due: '', Status: 'Not started' },
    ]);
  });

  it('escapes a formula in an action', () => {
    const bundle = workshopBundle();
    bundle.actions = [makeAction(bundle.workshop.id, 'data', { what: '=1+1', owner: '-Sam' })];
    expect(records(actionsCsv(framework, bundle))[0]).toMatchObject({ What: "'=1+1", Owner: "'-Sam" });
  });
});

describe('CSV files', () => {
  it('are text/csv files named after the workshop and its date', async () => {
    const bundle = workshopBundle();
    expect(csvFileName(bundle.workshop, 'scores')).toBe('budget-review-2026-11-27-scores.csv');
    const files = csvFiles(framework, bundle);
    expect(Object.values(files).map((f) => f.name)).toEqual([
      'budget-review-2026-11-27-scores.csv',
      'budget-review-2026-11-27-agreed.csv',
      'budget-review-2026-11-27-actions.csv',
    ]);
    expect(files.scores.type).toBe('text/csv');
    // Compared as bytes: File.text() drops a byte-order mark.
    const bytes = [...new Uint8Array(await files.scores.arrayBuffer())];
    expect(bytes).toEqual([...new TextEncoder().encode(ratingsCsv(framework, bundle))]);
  });

  it('keeps the byte-order mark in the file’s bytes', async () => {
    const file = csvFile('a.csv', '\uFEFFa,b');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
