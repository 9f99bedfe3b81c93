import { useTranslation } from 'react-i18next';
import type { FeatureAgreement } from '../../../core/bundle/compareFeatures.ts';
import { featureName } from '../../analysis/featureText.ts';
import { f3 } from './format.ts';

/** An ICC, or "undefined" (with why) for a feature that does not vary between cases. */
function IccCell({ icc, value }: { icc: FeatureAgreement['icc']; value: number | undefined }) {
  const { t } = useTranslation('bundles');
  if (icc?.undefinedReason)
    return (
      <td className="muted" title={t('compare.iccUndefinedWhy')}>
        {t('compare.iccUndefined')}
      </td>
    );
  return <td>{f3(value)}</td>;
}

/** ICC per feature over matched cases; a row is a button that picks the feature for the plots. */
export function FeatureAgreementTable(props: {
  rows: readonly FeatureAgreement[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation('bundles');
  if (props.rows.length === 0) return <p className="muted">{t('compare.noFeatures')}</p>;
  return (
    <div className="feature-table-scroll">
      <table aria-label={t('compare.featureAgreement')}>
        <thead>
          <tr>
            <th>{t('compare.feature')}</th>
            <th>n</th>
            <th>ICC(2,1)</th>
            <th>ICC(3,1)</th>
            <th>{t('compare.params')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr
              key={r.code}
              data-code={r.code}
              aria-selected={r.code === props.selected}
              onClick={() => props.onSelect(r.code)}
            >
              <td>
                {featureName(t, { ibsiCode: r.code, name: r.name })} <code>{r.code}</code>
              </td>
              <td>{r.n}</td>
              <IccCell icc={r.icc} value={r.icc?.icc21} />
              <IccCell icc={r.icc} value={r.icc?.icc31} />
              <td>{r.sameParams ? t('compare.same') : t('compare.differ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
