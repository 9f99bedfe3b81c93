import type { ImportOutcome } from '../store/bundleSlice.ts';

/** The last import's outcome in words: kept (and how trusted), declined, or rejected with why. */
export function ImportOutcomeLine({ outcome }: { readonly outcome: ImportOutcome }) {
  if (outcome.ok)
    return (
      <>
        <p role="status" data-testid="import-accepted">
          Accepted {outcome.fileName} from {outcome.center}
          {outcome.unsigned ? ' (unsigned, at your request)' : ''}.
        </p>
        {outcome.warning && (
          <p role="alert" className="bundle-warning" data-testid="center-claim-warning">
            {outcome.warning}
          </p>
        )}
      </>
    );
  if (outcome.error.code === 'IMPORT_DECLINED')
    return (
      <p role="status" data-testid="import-declined">
        Not imported: {outcome.fileName}. Nothing of it was kept.
      </p>
    );
  return (
    <p role="alert" className="bundle-error" data-testid="import-rejected">
      Rejected {outcome.fileName}: <code>{outcome.error.code}</code> {outcome.error.reason}
      {outcome.error.params.file ? ` (${outcome.error.params.file})` : ''} Nothing of it was kept.
    </p>
  );
}
