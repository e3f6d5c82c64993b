// Build C for the update test: this app with one more database schema version than it has, as the
// next release that changes the schema will have. Version N+1 adds an index on ratings.updatedAt and
// stamps every workshop in its upgrade, so the test can see that the upgrade ran and lost nothing.
// Used only by tests/e2e/update.e2e.ts: `vite build --config tests/e2e/next-schema.vite.config.ts`.
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import appConfig from '../../vite.config.ts';

/** The stamp the upgrade leaves on every workshop. */
export const UPGRADE_STAMP = 'upgraded-by-next-schema';

function nextSchemaVersion(): Plugin {
  return {
    name: 'next-schema-version',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/data/db.ts')) return undefined;
      const versions = [...code.matchAll(/db\.version\((\d+)\)/g)].map((m) => Number(m[1]));
      const end = '  return db;\n}';
      if (versions.length === 0 || !code.includes(end))
        throw new Error('next-schema-version: src/data/db.ts no longer looks as expected');
      const next = Math.max(...versions) + 1;
      const declaration = `  db.version(${next})
    .stores({ ratings: 'id, workshopId, groupId, updatedAt' })
    .upgrade((tx) => tx.table('workshops').toCollection().modify((w) => { w.schemaProbe = ${JSON.stringify(UPGRADE_STAMP)}; }));
`;
      return code.replace(end, `${declaration}${end}`);
    },
  };
}

export default mergeConfig(appConfig, defineConfig({ plugins: [nextSchemaVersion()] }));
