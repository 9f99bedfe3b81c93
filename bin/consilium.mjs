#!/usr/bin/env node
// The command line runs the TypeScript core directly through tsx, so CLI and browser share one source.
import { register } from 'tsx/esm/api';

// A reader that stops early (`consilium inspect … | head`) closes the pipe: that ends the
// output, it is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
