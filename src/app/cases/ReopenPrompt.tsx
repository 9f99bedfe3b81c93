// After a reload the images are gone (the page keeps no copies of them) but their predictions
// and labels are kept: this asks for the files of the last session's series by name, and they
// re-attach by UID as soon as the files are opened again.
import { useEffect, useState } from 'react';
import { loadFiles } from '../actions/loadFiles.ts';
import { sourcesFromFileList } from '../ingest/fromFileList.ts';
import { forgetSessionSeries, sessionSeries, type SessionSeries } from '../persist/db.ts';
import { useStore } from '../store/store.ts';

export function ReopenPrompt() {
  const [saved, setSaved] = useState<SessionSeries[]>([]);
  const loaded = useStore((s) => s.seriesByUid);
  const labels = useStore((s) => s.labels);
  const predictions = useStore((s) => s.predictions);
  useEffect(() => {
    void sessionSeries()
      .then(setSaved)
      .catch(() => setSaved([]));
  }, []);
  const missing = saved.filter((s) => !loaded[s.seriesUid]);
  if (missing.length === 0) return null;
  const uids = new Set(missing.map((s) => s.seriesUid));
  const labelled = Object.keys(labels).filter((u) => uids.has(u)).length;
  const classified = new Set(
    Object.values(predictions)
      .filter((p) => uids.has(p.seriesUid))
      .map((p) => p.seriesUid),
  ).size;
  const files = missing.flatMap((s) => s.files);
  return (
    <div className="reopen-prompt" role="alert" data-testid="reopen-prompt">
      <p>
        {missing.length} series from your last session are not open ({classified} with predictions,{' '}
        {labelled} with labels). Re-open these files and their results re-attach:
      </p>
      <details>
        <summary>{files.length} files</summary>
        <ul>
          {files.slice(0, 500).map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </details>
      <label className="button">
        Re-open files…
        <input
          type="file"
          multiple
          hidden
          aria-label="Re-open files"
          onChange={(e) => {
            const picked = e.target.files;
            if (picked && picked.length > 0) void loadFiles(sourcesFromFileList(picked));
            e.target.value = '';
          }}
        />
      </label>{' '}
      <button
        type="button"
        onClick={() => {
          void forgetSessionSeries();
          setSaved([]);
        }}
      >
        Forget them
      </button>
    </div>
  );
}
