import { useStore } from '../store/store.ts';
import { PacsSource } from '../pacs/PacsSource.tsx';
import { SeriesItem } from './SeriesItem.tsx';

function formatDate(da: string): string {
  return /^\d{8}$/.test(da)
    ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`
    : da || 'no date';
}

/** Patient → study → series; a click on a series shows it in the active viewport. */
export function StudyBrowser() {
  const patients = useStore((s) => s.patients);
  if (patients.length === 0) return <p className="muted">No studies loaded.</p>;
  return (
    <>
      <nav className="study-browser" aria-label="Studies">
        {patients.map((p) => (
          <section key={p.patientID + p.patientName} className="patient">
            <h2>
              {p.patientName.replace(/\^/g, ' ') || 'Anonymous'}{' '}
              <span className="muted">{p.patientID}</span>
            </h2>
            {p.studies.map((st) => (
              <div key={st.studyInstanceUID} className="study">
                <h3>
                  {st.studyDescription || 'Study'}{' '}
                  <span className="muted">{formatDate(st.studyDate)}</span>
                </h3>
                <ul>
                  {st.series.map((se) => (
                    <SeriesItem key={se.seriesInstanceUID} series={se} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </nav>
      <PacsSource open={false} />
    </>
  );
}
