import type { Found, StudySummary } from '../../core/dicomweb/qido.ts';

const date = (d: string) =>
  /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d || '—';

/** One page of found studies, each with its Open button, and the paging buttons. */
export function PacsStudyList({
  found,
  offset,
  onOpen,
  onPage,
}: {
  found: Found<StudySummary>;
  offset: number;
  onOpen: (s: StudySummary) => void;
  onPage: (offset: number) => void;
}) {
  if (found.items.length === 0) return <p className="muted">No study matches.</p>;
  return (
    <div className="pacs-results">
      <table aria-label="PACS studies">
        <thead>
          <tr>
            <th>Patient</th>
            <th>ID</th>
            <th>Date</th>
            <th>Modality</th>
            <th>Study</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {found.items.map((s) => (
            <tr key={s.studyInstanceUid} data-study-uid={s.studyInstanceUid}>
              <td>{s.patientName.replace(/\^/g, ' ') || 'Anonymous'}</td>
              <td>{s.patientId}</td>
              <td>{date(s.studyDate)}</td>
              <td>{s.modalities.join(', ')}</td>
              <td>
                {s.description || s.accessionNumber || 'Study'}
                {s.instanceCount !== undefined && (
                  <span className="muted"> · {s.instanceCount} images</span>
                )}
              </td>
              <td>
                <button type="button" onClick={() => onOpen(s)}>
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pacs-paging">
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - found.items.length))}
        >
          Previous
        </button>
        <button
          type="button"
          disabled={found.nextOffset === undefined}
          onClick={() => found.nextOffset !== undefined && onPage(found.nextOffset)}
        >
          Next
        </button>
      </div>
    </div>
  );
}
