/// <reference types="vite-plugin-pwa/client" />
// The cold-start baseline: the least a Svelte 5 app with a precaching service worker can be.
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './App.svelte';

registerSW({});
const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
mount(App, { target });
