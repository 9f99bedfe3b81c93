// "Store map to PACS" and "Download as DICOM" for the response map the Filters section shows:
// the same Secondary Capture as `consilium filter --out map.dcm` (core/dicom/write/seriesMap.ts),
// made in the report worker (identified, or pseudonymised under the collaboration key as the
// reports are: collaborationSecret.ts), and stored by STOW-RS through the page's own proxy
// into the study it belongs in, by default on the PACS the series came from.
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { sliceSpacingMm } from '../../core/analysis/volumeFromFrames.ts';
import type { MapToStore } from '../../core/dicomweb/mapToStore.ts';
import { storeInstances } from '../../core/dicomweb/stow.ts';
import { ProblemError } from '../../core/result.ts';
import { responseValues } from '../analysis/filters/responseMap.ts';
import { useFilters } from '../analysis/filters/filterStore.ts';
import { reportWorker } from '../services/workers.ts';
import { useStore } from '../store/store.ts';
import { collaborationSecret } from './collaborationSecret.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';

export interface MapOptions {
  /** Pseudonymised for a research PACS; identified without. */
  readonly pseudonymised?: { readonly reportDates: ReportDates };
  readonly signal?: AbortSignal;
}

export type MapStep = 'making' | 'sending';

/** The shown response map as DICOM, made off the page, with the study it goes into. */
export async function shownMapDicom(options: MapOptions): Promise<MapToStore> {
  const info = useFilters.getState().response;
  const values = info ? responseValues(info.id) : null;
  if (!info || !values)
    throw new ProblemError('map-none', 'compute a response map first: there is none to store');
  const stack = useStore.getState().stacks[info.seriesUID];
  if (!stack || stack.length !== info.dims[2])
    throw new ProblemError('map-no-series', 'the series of this map is no longer open', {
      series: info.seriesUID,
    });
  const metas = stack.map((p) => p.instance);
  const m = metas[0];
  const secret = options.pseudonymised ? collaborationSecret() : undefined;
  const made = await reportWorker.call(options.signal, 'map', {
    dims: info.dims,
    values,
    description: info.filter,
    slices: metas.map((x) => ({
      sopClassUid: x.sopClassUID,
      sopInstanceUid: x.sopInstanceUID,
      position: x.imagePositionPatient,
      orientation: x.imageOrientationPatient,
    })),
    sliceSpacingMm: sliceSpacingMm(metas),
    source: {
      patientName: m.patientName,
      patientID: m.patientID,
      studyInstanceUID: m.studyInstanceUID,
      studyDate: m.studyDate,
    },
    ...(secret && options.pseudonymised
      ? { pseudonymised: { secret, reportDates: options.pseudonymised.reportDates } }
      : {}),
  });
  if (!made.ok) throw new ProblemError(made.error.code, made.error.reason, made.error.params);
  return made.value;
}

/** The configured PACS the shown map's series was opened from (its files are that PACS's
 * URLs, see openPacsStudy.ts), or -1 for a series from local files. */
export function sourceServerIndex(servers: readonly PacsConfig[]): number {
  const info = useFilters.getState().response;
  const file = info ? useStore.getState().stacks[info.seriesUID]?.[0]?.instance.file : undefined;
  if (!file) return -1;
  return servers.findIndex((s) => file.startsWith(`${s.baseUrl.replace(/\/+$/, '')}/studies/`));
}

export interface StoredMap {
  /** The study as the user knows it, and the one it went into (its pseudonym on a research PACS). */
  readonly study: string;
  readonly into: string;
  readonly url: string;
}

/** Makes the shown map and stores it on `server`; `onStep` says where it stands. */
export async function storeMap(
  server: PacsConfig,
  options: MapOptions & { readonly onStep?: (step: MapStep, bytes: number) => void },
): Promise<StoredMap> {
  options.onStep?.('making', 0);
  const map = await shownMapDicom(options);
  options.onStep?.('sending', map.bytes.length);
  const stored = await storeInstances(
    pacsClient(server),
    [map.bytes],
    map.studyInstanceUid,
    options.signal,
    'storing the map',
  );
  return {
    study: map.sourceStudyInstanceUid,
    into: map.studyInstanceUid,
    url: stored.retrieveUrls[0] ?? stored.stored[0] ?? '',
  };
}
