import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Found, StudySummary } from '../../core/dicomweb/qido.ts';
import { formatDicomDate } from '../i18n/format.ts';
import { warmWorkers } from '../services/warmWorkers.ts';

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
  const { t, i18n } = useTranslation('pacs');
  // Studies to open are listed: the workers that show the first image start now, not after it.
  useEffect(() => {
    if (found.items.length > 0) warmWorkers();
  }, [found]);
  if (found.items.length === 0) return <p className="muted">{t('studies.none')}</p>;
  return (
    <div className="pacs-results">
      <table aria-label={t('studies.tableLabel')}>
        <thead>
          <tr>
            <th>{t('studies.patient')}</th>
            <th>{t('studies.id')}</th>
            <th>{t('studies.date')}</th>
            <th>{t('studies.modality')}</th>
            <th>{t('studies.study')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {found.items.map((s) => (
            <tr key={s.studyInstanceUid} data-study-uid={s.studyInstanceUid}>
              <td>{s.patientName.replace(/\^/g, ' ') || t('studies.anonymous')}</td>
              <td>{s.patientId}</td>
              <td>{s.studyDate ? formatDicomDate(s.studyDate, i18n.language) : '—'}</td>
              <td>{s.modalities.join(', ')}</td>
              <td>
                {s.description || s.accessionNumber || t('studies.untitled')}
                {s.instanceCount !== undefined && (
                  <span className="muted">
                    {' '}
                    · {t('studies.images', { count: s.instanceCount })}
                  </span>
                )}
              </td>
              <td>
                <button type="button" onPointerEnter={warmWorkers} onClick={() => onOpen(s)}>
                  {t('studies.open')}
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
          {t('studies.previous')}
        </button>
        <button
          type="button"
          disabled={found.nextOffset === undefined}
          onClick={() => found.nextOffset !== undefined && onPage(found.nextOffset)}
        >
          {t('studies.next')}
        </button>
      </div>
    </div>
  );
}
