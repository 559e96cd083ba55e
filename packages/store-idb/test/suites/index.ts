// Every store-idb suite, for whichever runner imports it.
import type { Runner } from '../support.js';
import { backupSuite } from './backup.suite.js';
import { crashSuite } from './crash.suite.js';
import { fallbackSuite } from './fallback.suite.js';
import { loadSuite } from './load.suite.js';
import { quotaSuite } from './quota.suite.js';
import { tabsSuite } from './tabs.suite.js';
import { upgradeSuite } from './upgrade.suite.js';

export function storeSuites(runner: Runner): void {
  for (const suite of [loadSuite, crashSuite, quotaSuite, tabsSuite, upgradeSuite, backupSuite, fallbackSuite]) suite(runner);
}
