// `npm run bench`: runs every bench/*.bench.ts in turn; each prints one JSON line per figure.
// Usage: npm run bench [-- name-filter]
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

for (const file of files) {
  const mod = (await import(join(here, file))) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} must export run()`);
  await mod.run();
}
