// The baseline app for the cold-start ratio: Svelte 5 and vite-plugin-pwa with the same service worker
// strategy as the app (generateSW, prompt, registered from the page), and nothing else.
// Built by ../setup.ts with Vite's `build()` API and `root` set to this folder.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  build: { target: 'es2022', sourcemap: false },
  logLevel: 'warn',
  plugins: [
    svelte(),
    VitePWA({
      mode: 'production',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Minimal baseline',
        short_name: 'Baseline',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
