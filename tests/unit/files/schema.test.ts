// @vitest-environment node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../src/files/schema.ts';

// The committed JSON Schema must be the one generated from the valibot schema the app validates with.
// After changing src/files/schema.ts, run `UPDATE_SCHEMA=1 npx vitest run tests/unit/file-schema.test.ts`.
const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/file-format.schema.json');

/** The JSON Schema text for the current file format. */
function generated(): string {
  const { $schema, ...schema } = toJsonSchema(envelopeSchema, { target: 'draft-2020-12', errorMode: 'throw' });
  // `$schema` first, where readers expect it.
  return `${JSON.stringify({ $schema, ...schema }, null, 2)}\n`;
}

describe('docs/file-format.schema.json', () => {
  it('matches the valibot schema', () => {
    const text = generated();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaPath, text);
    expect(existsSync(schemaPath), 'missing: run with UPDATE_SCHEMA=1 to write it').toBe(true);
    expect(readFileSync(schemaPath, 'utf8'), 'out of date: run with UPDATE_SCHEMA=1 to rewrite it').toBe(text);
  });

  it('documents the limits the app checks', () => {
    const schema = JSON.parse(generated());
    const workshop = schema.properties.workshop;
    expect(schema.properties.formatVersion).toMatchObject({ const: 2 });
    expect(workshop.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(workshop.properties.ratings.items.properties.evidence).toMatchObject({ maxLength: 10000 });
    expect(workshop.required).toEqual(
      expect.arrayContaining(['groups', 'privateScoring', 'revealedAt', 'agreements', 'actions']),
    );
    expect(workshop.properties.privateScoring).toMatchObject({ type: 'boolean' });
    expect(workshop.properties.agreements.items.properties.rationale).toMatchObject({ maxLength: 10000 });
    const action = workshop.properties.actions.items.properties;
    expect(action.what).toMatchObject({ maxLength: 200 });
    expect(action.owner).toMatchObject({ maxLength: 200 });
    expect(action.status).toMatchObject({ enum: ['not-started', 'in-progress', 'done'] });
    expect(action.due).toMatchObject({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' });
  });
});
