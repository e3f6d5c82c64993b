// The rooms of src/ and which may import which (docs: /work/shared/CONVENTIONS.md, "Layout").
// `npm run check` runs `depcruise src --config .dependency-cruiser.cjs` and fails on any breach.
// Type-only imports count (tsPreCompilationDeps): a type from the wrong room is still a wrong edge.
// In a .svelte file dependency-cruiser reads the Svelte compiler's output, where type-only imports
// are gone; eslint.config.js repeats the component rooms' rules (no-restricted-imports) for those.

/** Paths of our own rooms, as regular expressions over the path from the project root. */
const room = {
  framework: '^src/framework/',
  domain: '^src/domain/',
  data: '^src/data/',
  files: '^src/files/',
  state: '^src/state/',
  ui: '^src/ui/',
  containers: '^src/containers/',
  screens: '^src/screens/',
};

/** Forbids `from` to import any of our files outside `allowed` (npm packages are judged apart). */
function onlyImports(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: allowed },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle ties modules together so that neither can change or load alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      // Vite's virtual modules (the PWA plugin's `virtual:pwa-register`) exist only in the build.
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    onlyImports(
      'framework-imports-nothing-of-ours',
      room.framework,
      room.framework,
      'framework/ is data: it imports nothing of ours.',
    ),
    onlyImports(
      'domain-imports-only-framework',
      room.domain,
      `${room.domain}|${room.framework}`,
      'domain/ is pure: it imports only framework/.',
    ),
    onlyImports(
      'data-imports-only-domain-and-framework',
      room.data,
      `${room.data}|${room.domain}|${room.framework}`,
      'data/ imports only domain/ and framework/ (and Dexie).',
    ),
    onlyImports(
      'files-imports-only-domain-and-framework',
      room.files,
      `${room.files}|${room.domain}|${room.framework}`,
      'files/ imports only domain/ and framework/.',
    ),
    onlyImports(
      'state-imports-only-lower-rooms',
      room.state,
      `${room.state}|${room.data}|${room.files}|${room.domain}|${room.framework}`,
      'state/ imports data/, files/, domain/ and framework/: never a component.',
    ),
    onlyImports(
      'ui-only-draws',
      room.ui,
      `${room.ui}|${room.domain}|${room.framework}`,
      'ui/ takes props and raises events: a component that loads or saves belongs in containers/.',
    ),
    onlyImports(
      'containers-not-screens',
      room.containers,
      `${room.containers}|${room.ui}|${room.state}|${room.data}|${room.files}|${room.domain}|${room.framework}`,
      'containers/ sit between state/ and screens/: they never import a screen.',
    ),
    {
      name: 'only-data-imports-dexie',
      comment: 'Dexie (liveQuery included) is reached only through data/, so an upgrade touches one room.',
      severity: 'error',
      from: { path: '^src/', pathNot: room.data },
      to: { path: '^node_modules/dexie/' },
    },
    {
      name: 'no-screen-imports-another-screens-files',
      comment: 'A part two screens share goes to ui/ (if it draws) or containers/ (if it loads or saves).',
      severity: 'error',
      from: { path: '^src/screens/([^/]+)/' },
      to: { path: '^src/screens/', pathNot: ['^src/screens/$1/'] },
    },
    {
      name: 'no-top-level-screen-imports-another-screen',
      comment: 'A screen at the top of screens/ never imports another screen (its own helpers may sit beside it).',
      severity: 'error',
      from: { path: '^src/screens/[^/]+$' },
      to: { path: '^src/screens/[^/]+[.]svelte$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
      extensions: ['.ts', '.js', '.svelte', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    extraExtensionsToScan: [],
  },
};
