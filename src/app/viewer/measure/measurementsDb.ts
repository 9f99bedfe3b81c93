// Measurements in IndexedDB, by id, so they survive a reload. Their own small database: the
// workbench's (persist/db.ts) was being migrated by another change at the same time, and one
// store here needs no version race with it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Measurement } from '../../store/measurementsSlice.ts';

interface MeasurementsDb extends DBSchema {
  measurements: { key: string; value: Measurement };
}

let db: Promise<IDBPDatabase<MeasurementsDb>> | undefined;

function open(): Promise<IDBPDatabase<MeasurementsDb>> {
  db ??= openDB<MeasurementsDb>('consilium-measurements', 1, {
    upgrade(d) {
      d.createObjectStore('measurements', { keyPath: 'id' });
    },
  });
  return db;
}

export async function allMeasurements(): Promise<Measurement[]> {
  return (await open()).getAll('measurements');
}

/** Writes measurements; an id given alone (a string) deletes that measurement. */
export async function saveMeasurements(changes: readonly (Measurement | string)[]): Promise<void> {
  const tx = (await open()).transaction('measurements', 'readwrite');
  for (const c of changes) void (typeof c === 'string' ? tx.store.delete(c) : tx.store.put(c));
  await tx.done;
}
