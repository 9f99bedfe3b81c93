#!/usr/bin/env node
// The command line runs the TypeScript core directly through tsx, so CLI and browser share one source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
