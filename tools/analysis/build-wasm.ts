// Builds src/core/analysis/edges/simd/edgesWasmBytes.ts from edges.wat (WASM SIMD edge kernels).
// Usage: npx tsx tools/analysis/build-edges-wasm.ts   (the unit tests check the output is current)
import { writeFileSync } from 'node:fs';
import { compileEdgesWat, bytesModulePath, bytesModuleSource } from './edgesWat.ts';

const bytes = await compileEdgesWat();
writeFileSync(bytesModulePath, bytesModuleSource(bytes));
process.stdout.write(`wrote ${bytesModulePath} (${bytes.length} bytes of WASM)\n`);
