// The software that writes bundles and reports, read once from package.json.
import { name, version } from '../../package.json';

export const SOFTWARE: { readonly name: string; readonly version: string } = { name, version };
