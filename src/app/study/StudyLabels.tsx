// Labels for the study from a CSV ("caseKey" and "label" columns, the reader `consilium study
// --labels` uses): they replace the bundles' own labels by case key, and the match report says
// how many rows named a chosen case, which named none, and which cases stay unlabelled.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput } from '../panels/FileInput.tsx';
import { labelsByCase } from '../../core/models/study/labelsByCase.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { manifestsOf } from '../bundles/actions/library.ts';
import { problemText } from '../i18n/problemText.ts';
import { labelsMatch, type CaseLabels, type LabelsMatch } from './relabel.ts';

export function StudyLabels(props: {
  ids: readonly string[];
  labels: { file: string; labels: CaseLabels } | null;
  setLabels: (l: { file: string; labels: CaseLabels } | null) => void;
}) {
  const { t } = useTranslation('study');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [match, setMatch] = useState<LabelsMatch | null>(null);
  const { ids, labels } = props;
  const idsKey = ids.join('\n');
  useEffect(() => {
    let current = true;
    if (labels)
      void manifestsOf(idsKey ? idsKey.split('\n') : []).then((m) => {
        if (current) setMatch(labelsMatch(m, labels.labels));
      });
    return () => {
      current = false;
    };
  }, [idsKey, labels]);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      props.setLabels({ file: file.name, labels: labelsByCase(await file.text()) });
    } catch (e) {
      props.setLabels(null);
      setProblem(problemOf(e, 'STUDY_LABELS_HEADER'));
    }
  };

  return (
    <div className="labels-import">
      {labels ? (
        <p data-testid="study-labels" role="status">
          {match &&
            t('labels.report', {
              file: labels.file,
              matched: match.matched,
              rows: match.matched + match.unknown.length,
              cases: match.cases,
            })}{' '}
          {match && match.keptOwn > 0 && t('labels.keptOwn', { n: match.keptOwn })}{' '}
          {match && match.unlabelled > 0 && (
            <span className="bundle-error">{t('labels.unlabelled', { n: match.unlabelled })}</span>
          )}{' '}
          <button type="button" onClick={() => props.setLabels(null)}>
            {t('labels.remove')}
          </button>
        </p>
      ) : (
        <label>
          {t('labels.import')}{' '}
          <FileInput
            accept=".csv,text/csv"
            aria-label={t('labels.import')}
            onChange={(e) => {
              void read(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {match && labels && match.unknown.length > 0 && (
        <details>
          <summary>{t('labels.unknown', { n: match.unknown.length })}</summary>
          <ul data-testid="study-labels-unknown">
            {match.unknown.slice(0, 200).map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </details>
      )}
      {problem && (
        <p role="alert" data-code={problem.code}>
          {problemText(t, problem)}
        </p>
      )}
    </div>
  );
}
