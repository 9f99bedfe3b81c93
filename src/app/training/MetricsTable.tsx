// Validation figures overall and per held-out center: AUC with its DeLong 95% interval,
// accuracy, sensitivity, specificity and the Brier score.
import { useTranslation } from 'react-i18next';
import type { BinaryMetrics } from '../../core/models/metrics/binary.ts';
import type { ValidationReport } from '../../core/models/validation/crossValidate.ts';
import { formatNumber } from '../i18n/format.ts';

function Row({ what, m, testId }: { what: string; m: BinaryMetrics; testId: string }) {
  const { i18n } = useTranslation('training');
  const f = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language, 3));
  return (
    <tr data-testid={testId} data-auc={m.auc ?? ''} data-brier={m.brier}>
      <th scope="row">{what}</th>
      <td>{m.cases}</td>
      <td>
        {f(m.auc)}
        {m.aucCi ? ` (${f(m.aucCi[0])}–${f(m.aucCi[1])})` : ''}
      </td>
      <td>{f(m.accuracy)}</td>
      <td>{f(m.sensitivity)}</td>
      <td>{f(m.specificity)}</td>
      <td>{f(m.brier)}</td>
    </tr>
  );
}

export function MetricsTable({ report }: { report: ValidationReport }) {
  const { t } = useTranslation('training');
  return (
    <table className="training-metrics">
      <thead>
        <tr>
          <th />
          <th>{t('train.cases')}</th>
          <th>{t('train.auc')}</th>
          <th>{t('train.accuracy')}</th>
          <th>{t('train.sensitivity')}</th>
          <th>{t('train.specificity')}</th>
          <th>{t('train.brier')}</th>
        </tr>
      </thead>
      <tbody>
        <Row what={t('train.overall')} m={report.overall} testId="metrics-overall" />
        {report.perCenter.map((c) => (
          <Row key={c.center} what={c.center} m={c.metrics} testId={`metrics-${c.center}`} />
        ))}
      </tbody>
    </table>
  );
}
