import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { claimWarning } from './centerClaims.ts';
import type { ImportOutcome } from '../store/bundleSlice.ts';

/** The last import's outcome in words: kept (and how trusted), declined, or rejected with why. */
export function ImportOutcomeLine({ outcome }: { readonly outcome: ImportOutcome }) {
  const { t } = useTranslation('bundles');
  if (outcome.ok)
    return (
      <>
        <p role="status" data-testid="import-accepted">
          {t(outcome.unsigned ? 'import.acceptedUnsigned' : 'import.accepted', {
            file: outcome.fileName,
            center: outcome.center,
          })}
        </p>
        {outcome.warning && (
          <p role="alert" className="bundle-warning" data-testid="center-claim-warning">
            {claimWarning(outcome.warning.center, outcome.warning.others, t)}
          </p>
        )}
      </>
    );
  if (outcome.error.code === 'IMPORT_DECLINED')
    return (
      <p role="status" data-testid="import-declined">
        {t('import.declined', { file: outcome.fileName })}
      </p>
    );
  return (
    <p role="alert" className="bundle-error" data-testid="import-rejected">
      {t('import.rejected', { file: outcome.fileName })} <code>{outcome.error.code}</code>{' '}
      {problemText(t, outcome.error)}
      {outcome.error.params.file ? ` (${outcome.error.params.file})` : ''} {t('import.nothingKept')}
    </p>
  );
}
