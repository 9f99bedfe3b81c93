// The Cases tab: every loaded series as a row (patient, study, series, prediction, label,
// agreement), "Classify all" over them, labels typed in place or imported from a CSV.
import './cases.css';
import { useTranslation } from 'react-i18next';
import { CaseTable } from './CaseTable.tsx';
import { CohortRunBar } from './CohortRunBar.tsx';
import { LabelsImport } from './LabelsImport.tsx';
import { useCases } from './casesStore.ts';
import { useCaseRows } from './useCaseRows.ts';

export function CasesPanel() {
  const { t } = useTranslation('cases');
  const { all, shown, labelOptions } = useCaseRows();
  const filter = useCases((s) => s.filter);
  const setFilter = useCases((s) => s.setFilter);
  const classified = all.filter((r) => r.prediction).length;
  const labelled = all.filter((r) => r.label).length;
  const agree = all.filter((r) => r.agreement === 'agree').length;
  const compared = all.filter((r) => r.agreement).length;
  return (
    <div className="cases-panel">
      <CohortRunBar series={all.length} />
      <LabelsImport />
      <div className="cases-filter">
        <input
          type="search"
          aria-label={t('filter.label')}
          placeholder={t('filter.placeholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" data-testid="cases-summary">
          {t('summary', { shown: shown.length, all: all.length, classified, labelled })}
          {compared > 0 ? ` · ${t('agree', { agree, compared })}` : ''}
        </span>
      </div>
      <CaseTable rows={shown} labelOptions={labelOptions} />
    </div>
  );
}
