import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './bundles.css';
import { refreshLibrary } from './actions/library.ts';
import { BundleLibrary } from './BundleLibrary.tsx';
import { CompareView } from './compare/CompareView.tsx';
import { DeidentifiedDicomSection } from './DeidentifiedDicomSection.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportSection } from './ImportSection.tsx';
import { StudyView } from '../study/StudyView.tsx';
import { LabelsSection } from './LabelsSection.tsx';
import { StowSection } from './StowSection.tsx';
import { TrustedKeys } from './TrustedKeys.tsx';

/** The "Bundles" tab: export, ground truth, import, trusted keys, library and comparison. */
export function BundlesPanel() {
  const { t } = useTranslation('bundles');
  const [exporting, setExporting] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [studying, setStudying] = useState(false);
  useEffect(() => {
    void refreshLibrary();
  }, []);
  return (
    <div className="bundles-panel">
      <div className="bundle-actions">
        <button type="button" onClick={() => setExporting(true)}>
          {t('panel.export')}
        </button>
        <button type="button" onClick={() => setComparing(true)}>
          {t('panel.compare')}
        </button>
        <button type="button" onClick={() => setStudying(true)}>
          {t('panel.study')}
        </button>
      </div>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      <LabelsSection />
      <DeidentifiedDicomSection />
      <StowSection />
      <ImportSection />
      <TrustedKeys />
      <BundleLibrary />
      {comparing && <CompareView onClose={() => setComparing(false)} />}
      {studying && <StudyView onClose={() => setStudying(false)} />}
    </div>
  );
}
