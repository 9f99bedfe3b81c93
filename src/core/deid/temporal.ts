// What happens to a date (DA), date-time (DT) or time (TM), wherever it is (sequences too).
//
// PS3.15 Table E.1-1 lists most of them with D, Z or X; the Retain Longitudinal Temporal
// Information With Modified Dates Option (E.3.6, code 113107) changes those to "modified so that
// intervals are kept", never to "kept as they were" (that is the Full Dates option, which we do
// not offer). We modify them thus:
// - 'shift': every DA, and the date part of every DT, moves by the patient's keyed whole-day
//   offset; a DT keeps only its shifted date (its time of day and UTC offset are dropped).
// - times (TM) are never shifted and never kept, in either mode: the table's action removes,
//   empties or replaces them with 000000. A day shift leaves the time of day as it was, so keeping
//   it would leak the original; shifting it too would move dates across midnight, and the study
//   date would then disagree with the one in the bundle's SR.
// - 'remove': the table's action for dates too.
// A temporal attribute the table does not list (the profile would keep it) gets a dummy value, so
// no original date or time survives however the file was written.
import { resolveAction } from './actions';
import type { DateHandling } from './dates';

const TEMPORAL_VRS = new Set(['DA', 'DT', 'TM']);

export function isTemporal(vr: string): boolean {
  return TEMPORAL_VRS.has(vr);
}

export type TemporalAction = 'shift' | 'remove' | 'empty' | 'dummy';

/** What a DA, DT or TM element gets; never 'keep'. */
export function temporalAction(tag: string, vr: string, dates: DateHandling): TemporalAction {
  if (dates === 'shift' && vr !== 'TM') return 'shift';
  const action = resolveAction(tag);
  return action === 'remove' || action === 'empty' ? action : 'dummy';
}
