/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The app's version from package.json, set by vite.config.ts. */
declare const __APP_VERSION__: string;
