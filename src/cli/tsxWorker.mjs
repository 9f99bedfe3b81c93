// Worker bootstrap: registers tsx in this thread, as bin/consilium.mjs does for the main one, then
// loads the TypeScript entry named in workerData. (Node 20 does not apply
// `execArgv: ['--import', 'tsx']` to a worker whose entry is a .ts file.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
