// The store-idb suites in Chromium's real IndexedDB and BroadcastChannel.
import { expect } from '@esm-bundle/chai';
import { storeSuites } from './suites/index.js';

storeSuites({ describe, it, afterEach, expect });
