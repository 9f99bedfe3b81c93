// Compiles docs/model-card.schema.json into a standalone validator module.
// Why: Ajv compiles schemas with `new Function`, which the app's Content-Security-Policy forbids
// (no 'unsafe-eval'), so the browser worker uses this precompiled code instead.
// Usage: npx tsx tools/train/make-card-validator.ts   (cardSchema.validate.test.ts checks it is current)
import { writeFileSync } from 'node:fs';
import { cardValidatorSource, validatorPath } from './cardValidatorSource.ts';

writeFileSync(validatorPath, await cardValidatorSource());
process.stdout.write(`wrote ${validatorPath}\n`);
