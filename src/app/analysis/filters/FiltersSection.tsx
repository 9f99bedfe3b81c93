import { useTranslation } from 'react-i18next';
import { problemText } from '../../i18n/problemText.ts';
import { MapStoreSection } from '../../pacs/MapStoreSection.tsx';
import { useStore } from '../../store/store.ts';
import { checkForm } from './filterForm.ts';
import { FilteredFeatureList } from './FilteredFeatureList.tsx';
import { FilterJobStatus } from './FilterJobStatus.tsx';
import { FilterOverlayControls } from './FilterOverlayControls.tsx';
import { FilterParameters } from './FilterParameters.tsx';
import { useFilters } from './filterStore.ts';
import { cancelFilter, computeFilteredFeatures, computeResponse } from './runFilter.ts';

/** The Analysis tab's Filters section: an IBSI 2 filter of the shown series as an overlay, and
 * features of the chosen ROI on the filtered image (the same spec as `consilium --filter`). */
export function FiltersSection() {
  const { t } = useTranslation('filters');
  const form = useFilters((s) => s.form);
  const running = useFilters((s) => s.job.status === 'running');
  const withChosen = useFilters((s) => s.withChosenFamilies);
  const hasSeries = useStore((s) => s.viewports[s.active].seriesUID !== null);
  const checked = checkForm(form);
  return (
    <fieldset className="filters-section" aria-label={t('legend')}>
      <legend>{t('legend')}</legend>
      <FilterParameters disabled={running} />
      {checked.ok ? (
        <p>
          {t('spec')} <code data-testid="filter-spec">{checked.label}</code>
        </p>
      ) : (
        <p role="alert" className="error" data-testid="filter-form-problem">
          {problemText(t, checked.problem)}
        </p>
      )}
      <label className="row">
        <input
          type="checkbox"
          checked={withChosen}
          disabled={running}
          onChange={() => useFilters.getState().setWithChosenFamilies(!withChosen)}
        />
        {t('families.chosen')}
      </label>
      <div className="row">
        <button
          type="button"
          disabled={running || !checked.ok || !hasSeries}
          onClick={() => void computeResponse()}
        >
          {t('action.response')}
        </button>
        <button
          type="button"
          disabled={running || !checked.ok || !hasSeries}
          onClick={() => void computeFilteredFeatures()}
        >
          {t('action.features')}
        </button>
        {running && (
          <button type="button" onClick={cancelFilter}>
            {t('action.cancel')}
          </button>
        )}
      </div>
      <FilterJobStatus />
      <FilterOverlayControls />
      <MapStoreSection />
      <FilteredFeatureList />
    </fieldset>
  );
}
