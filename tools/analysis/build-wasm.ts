// Builds the analysis WebAssembly modules (the .wat files listed in wasmModules.ts) into
// TypeScript byte modules.
// Usage: npx tsx tools/analysis/build-wasm.ts   (unit tests fail when the bytes are stale)
import { writeFileSync } from 'node:fs';
import { bytesModuleSource, compileWat, wasmModules } from './wasmModules.ts';

for (const m of Object.values(wasmModules)) {
  const bytes = await compileWat(m.wat);
  writeFileSync(m.out, bytesModuleSource(bytes, m.constName));
  process.stdout.write(`wrote ${m.out} (${bytes.length} bytes of WASM)\n`);
}
