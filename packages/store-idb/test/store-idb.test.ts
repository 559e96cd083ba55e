// The store-idb suites in Node, on fake-indexeddb; store-idb.browser.test.ts runs them in Chromium.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { storeSuites } from './suites/index.js';

storeSuites({ describe, it, afterEach, expect });
