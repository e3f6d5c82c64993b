import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';

// Screens load lazily (as in the app) and the machine may be busy: allow findBy* queries time.
configure({ asyncUtilTimeout: 15_000 });
