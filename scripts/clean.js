// Removes build output before a build, so that no stale chunk from an earlier build is served or measured.
import { rmSync } from 'node:fs';

for (const dir of ['packages/core/dist', 'packages/elements/dist', 'packages/store-idb/dist', 'packages/react/dist', 'examples/intranet/dist', 'examples/react/dist']) {
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
}
