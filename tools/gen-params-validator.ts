import { writeFileSync } from 'node:fs';
import { paramsValidatorSource, paramsValidatorTarget } from './paramsValidatorSource';

writeFileSync(paramsValidatorTarget, await paramsValidatorSource());
process.stdout.write(`wrote ${paramsValidatorTarget}\n`);
