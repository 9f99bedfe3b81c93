// The IBSI 2 filter worker: a series' response map for the overlay, and features of a ROI on the
// filtered image, each one core call (filterJob.ts) with progress; a response goes back as a
// transferable, failures as plain data.
import * as Comlink from 'comlink';
import { setCodecWasmLocator } from '../core/dicom/codecs/wasmLocator.ts';
import { attempt, type Result } from '../core/result.ts';
import { codecWasmUrls } from './codecWasmUrls.ts';
import {
  filteredFeaturesJob,
  filterResponseJob,
  type FilteredFeaturesReply,
  type FilteredFeaturesRequest,
  type FilterProgress,
  type FilterResponseMap,
  type FilterResponseRequest,
} from './filterJob.ts';

setCodecWasmLocator((codec) => codecWasmUrls[codec]);

const api = {
  async response(
    req: FilterResponseRequest,
    progress?: FilterProgress,
  ): Promise<Result<FilterResponseMap>> {
    const r = await attempt(() => filterResponseJob(req, progress), 'filter-failed');
    return r.ok ? Comlink.transfer(r, [r.value.values.buffer]) : r;
  },

  features(
    req: FilteredFeaturesRequest,
    progress?: FilterProgress,
  ): Promise<Result<FilteredFeaturesReply>> {
    return attempt(() => filteredFeaturesJob(req, progress), 'filter-failed');
  },
};

export type FilterApi = typeof api;
Comlink.expose(api);
