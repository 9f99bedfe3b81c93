// After a reload the images are gone (the page keeps no copies of them) but their predictions,
// labels, ROIs, analysis results and measurements are kept: this asks for the last session's
// files again — the same folder with one click where the browser remembers it (File System
// Access), else the files by name — and everything re-attaches by UID once they are open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadFiles } from '../actions/loadFiles.ts';
import { sourcesFromFileList } from '../ingest/fromFileList.ts';
import { forgetSessionSeries, sessionSeries, type SessionSeries } from '../persist/db.ts';
import { forgetFolder, reopenFolder, savedFolder } from '../persist/folderAccess.ts';
import { useStore } from '../store/store.ts';

export function ReopenPrompt() {
  const { t } = useTranslation('persist');
  const [saved, setSaved] = useState<SessionSeries[]>([]);
  const [folder, setFolder] = useState<FileSystemDirectoryHandle | undefined>();
  const [refused, setRefused] = useState(false);
  const loaded = useStore((s) => s.seriesByUid);
  const labels = useStore((s) => s.labels);
  const predictions = useStore((s) => s.predictions);
  const rois = useStore((s) => s.rois);
  const results = useStore((s) => s.results);
  const measurements = useStore((s) => s.measurements);
  useEffect(() => {
    void sessionSeries()
      .then(setSaved)
      .catch(() => setSaved([]));
    void savedFolder().then(setFolder);
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
  const analysed = new Set(
    [...rois.map((r) => r.seriesUID), ...Object.values(results).map((r) => r.seriesUID)].filter(
      (u) => uids.has(u),
    ),
  ).size;
  const measured = new Set(measurements.map((m) => m.seriesUID).filter((u) => uids.has(u))).size;
  const files = missing.flatMap((s) => s.files);
  const regrant = async (handle: FileSystemDirectoryHandle) => {
    const sources = await reopenFolder(handle).catch(() => null);
    setRefused(sources === null);
    if (sources && sources.length > 0) void loadFiles(sources);
  };
  return (
    // A region, not an alert: it stays beside the study list until answered.
    <section className="reopen-prompt" aria-label={t('reopen.label')} data-testid="reopen-prompt">
      <p>{t('reopen.summary', { count: missing.length, classified, labelled })}</p>
      {analysed + measured > 0 && <p>{t('reopen.analysis', { analysed, measured })}</p>}
      <details>
        <summary>{t('reopen.files', { count: files.length })}</summary>
        <ul>
          {files.slice(0, 500).map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </details>
      {folder && (
        <button type="button" onClick={() => void regrant(folder)}>
          {t('reopen.folder', { name: folder.name })}
        </button>
      )}{' '}
      {refused && <p role="status">{t('reopen.refused')}</p>}
      <label className="button">
        {t('reopen.pick')}
        <input
          type="file"
          multiple
          hidden
          aria-label={t('reopen.pickLabel')}
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
          void forgetFolder();
          setSaved([]);
          setFolder(undefined);
        }}
      >
        {t('reopen.forget')}
      </button>
    </section>
  );
}
