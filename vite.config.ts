import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The app loads nothing from any other origin, and no inline script or style runs.
 * `frame-ancestors` only works as a header, so the preview server sends the policy too.
 */
// A label added to the version (e.g. `0.1.0+b`), so tests can tell a second build from the first.
const buildLabel = process.env.APP_BUILD_LABEL;
const appVersion = buildLabel ? `${pkg.version}+${buildLabel}` : pkg.version;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in a meta tag of the built page (the dev server injects styles, so not there). */
function cspMeta(): Plugin {
  return {
    name: 'outcomes-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      ),
  };
}

/**
 * Asks V8 (Chrome 136 and later) to compile every function of the first screen's script as it
 * loads, with the `//# allFunctionsCalledOnLoad` comment, which must open the file. Without it V8
 * compiles each function on its first call, on the page's thread, and most of the entry script (the
 * Svelte runtime, the shell, the home screen) runs while the first screen is built. Other browsers
 * read a comment. In the benchmark's traces the script's run before the home screen shows went from
 * 93-132 ms to 68-90 ms (docs/benchmarks.md, "What the code keeps because of these figures").
 */
function compileHints(): Plugin {
  return {
    name: 'outcomes-compile-hints',
    apply: 'build',
    // The line is added after the file names are hashed: give it a part in the entry's hash, so the
    // entry's name changes with it and an installed copy fetches the file again.
    augmentChunkHash: (chunk) => (chunk.isEntry ? 'allFunctionsCalledOnLoad' : undefined),
    // After Vite's own changes to the finished files (it puts `__vite__mapDeps` first).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The browsers the app supports (Chromium, Safari 17+) preload modules themselves. Vite's
    // polyfill watched every change to the page with a MutationObserver, from the first screen on.
    modulePreload: { polyfill: false },
  },
  preview: {
    headers: {
      'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  plugins: [
    svelte(),
    cspMeta(),
    compileHints(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Outcomes Workshop',
        short_name: 'Outcomes',
        description:
          'Score your council against the 12 local government digitalisation outcomes in a workshop, offline.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f7f4',
        theme_color: '#1d4f5c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
