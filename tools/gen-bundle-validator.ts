import { writeFileSync } from 'node:fs';
import { bundleValidatorSource, validatorTarget } from './bundleValidatorSource';

writeFileSync(validatorTarget, await bundleValidatorSource());
process.stdout.write(`wrote ${validatorTarget}\n`);
