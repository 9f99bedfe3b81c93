import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyQuery } from '../../core/dicomweb/qido.ts';

const dicomDate = (html: string) => html.replace(/-/g, '');

/** Patient name or ID, a date range, a modality, an accession number. */
export function PacsSearchForm({
  busy,
  onSearch,
}: {
  busy: boolean;
  onSearch: (q: StudyQuery) => void;
}) {
  const { t } = useTranslation('pacs');
  const [q, setQ] = useState({ name: '', id: '', from: '', to: '', modality: '', accession: '' });
  const field = (key: keyof typeof q, label: string, type = 'text') => (
    <label>
      {label}{' '}
      <input type={type} value={q[key]} onChange={(e) => setQ({ ...q, [key]: e.target.value })} />
    </label>
  );
  return (
    <form
      className="pacs-search"
      aria-label={t('search.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch({
          ...(q.name.trim() ? { patientName: q.name.trim() } : {}),
          ...(q.id.trim() ? { patientId: q.id.trim() } : {}),
          ...(q.from ? { dateFrom: dicomDate(q.from) } : {}),
          ...(q.to ? { dateTo: dicomDate(q.to) } : {}),
          ...(q.modality.trim() ? { modality: q.modality.trim().toUpperCase() } : {}),
          ...(q.accession.trim() ? { accessionNumber: q.accession.trim() } : {}),
        });
      }}
    >
      {field('name', t('search.patientName'))}
      {field('id', t('search.patientId'))}
      {field('from', t('search.from'), 'date')}
      {field('to', t('search.to'), 'date')}
      {field('modality', t('search.modality'))}
      {field('accession', t('search.accession'))}
      <button type="submit" disabled={busy}>
        {busy ? t('search.busy') : t('search.submit')}
      </button>
    </form>
  );
}
