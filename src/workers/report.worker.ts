// The report worker: the per-study TID 1500 reports that go back to a PACS, identified or
// pseudonymised (HMAC, SR writing), made here, never on the page; the page stores them (STOW-RS).
// The same for a series' derived map (a Secondary Capture).
import * as Comlink from 'comlink';
import { mapToStore, type MapRequest } from '../core/dicomweb/mapToStore.ts';
import { reportsToStore, type ReportsRequest } from '../core/dicomweb/reportsToStore.ts';
import { attempt } from '../core/result.ts';

const api = {
  /** One report per study with results, each with the study it goes into. */
  reports(req: ReportsRequest) {
    return attempt(() => reportsToStore(req), 'report-failed');
  },
  /** A series' derived map (a filter's response) as DICOM, with the study it goes into. */
  map(req: MapRequest) {
    return attempt(() => mapToStore(req), 'map-failed');
  },
};

export type ReportApi = typeof api;
Comlink.expose(api);
