import type { Target, TargetName } from '../target';
import { bundleTarget } from './bundle';
import { dicomTarget } from './dicom';
import { encryptionTarget } from './encryption';
import { zipTarget } from './zip';

// Plans differ per target; the runner only moves them from the target's arbitrary to its build.
export const targets: Record<TargetName, Target<unknown>> = {
  dicom: dicomTarget as Target<unknown>,
  zip: zipTarget as Target<unknown>,
  bundle: bundleTarget as Target<unknown>,
  encryption: encryptionTarget as Target<unknown>,
};
