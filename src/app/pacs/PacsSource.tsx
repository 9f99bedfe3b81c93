// The "PACS" source: configured servers, a study search, and opening a study into the workbench.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './pacs.css';
import type { StudyQuery } from '../../core/dicomweb/qido.ts';
import { problemText } from '../i18n/problemText.ts';
import { openPacsWithCancel, usePacsProgress } from './pacsProgress.ts';
import { PacsSearchForm } from './PacsSearchForm.tsx';
import { PacsServerForm } from './PacsServerForm.tsx';
import { loadPacsServers, savePacsServers, type PacsConfig } from './pacsServers.ts';
import { PacsStudyList } from './PacsStudyList.tsx';
import { PAGE_SIZE, usePacsSearch } from './usePacsSearch.ts';
import { PacsServerSelect } from './PacsServerSelect.tsx';

/** The PACS source; `open` says whether its panel starts unfolded (the start page). */
export function PacsSource({ open = true }: { open?: boolean }) {
  const { t } = useTranslation('pacs');
  const [servers, setServers] = useState<PacsConfig[]>(loadPacsServers);
  const [chosen, setChosen] = useState(0);
  const [query, setQuery] = useState<StudyQuery>({});
  const { progress, cancel, cancelled } = usePacsProgress();
  const { state, run } = usePacsSearch();
  const server = servers[Math.min(chosen, servers.length - 1)];
  const update = (next: PacsConfig[]) => {
    setServers(next);
    savePacsServers(next);
  };
  return (
    <>
      <details className="pacs-source" open={open}>
        <summary>
          <h2>{t('source.title')}</h2>
        </summary>
        {servers.length > 0 && (
          <div className="pacs-servers">
            <PacsServerSelect
              label={t('source.server')}
              servers={servers}
              chosen={chosen}
              onChoose={setChosen}
            />
            <button
              type="button"
              onClick={() => {
                update(servers.filter((_, i) => i !== chosen));
                setChosen(0);
              }}
            >
              {t('source.remove')}
            </button>
          </div>
        )}
        <details open={servers.length === 0}>
          <summary>{t('source.add')}</summary>
          <PacsServerForm
            onAdd={(c) => {
              const next = [...servers.filter((s) => s.name !== c.name), c];
              update(next);
              setChosen(next.length - 1);
            }}
          />
        </details>
        {server && (
          <>
            <PacsSearchForm
              busy={state.busy}
              onSearch={(q) => {
                setQuery(q);
                void run(server, q, 0);
              }}
            />
            {state.error && (
              <p role="alert" className="error">
                {problemText(t, state.error)}
              </p>
            )}
            {state.found && (
              <PacsStudyList
                found={state.found}
                offset={state.offset}
                onPage={(offset) => void run(server, query, offset)}
                onOpen={(s) => void openPacsWithCancel(server, s.studyInstanceUid)}
              />
            )}
            <p className="muted">{t('source.perPage', { count: PAGE_SIZE })}</p>
          </>
        )}
      </details>
      {/* Outside the panel: the study browser's is folded, and a load's progress and Cancel show. */}
      {progress && (
        <div
          className="load-progress"
          data-testid="pacs-progress"
          data-done={progress.fetched}
          data-total={progress.total}
        >
          <progress
            max={progress.total}
            value={progress.fetched}
            aria-label={t('progress.label')}
          />
          <span>
            {progress.fetched >= progress.total
              ? t('progress.done', { count: progress.total })
              : t('progress.fetching', { fetched: progress.fetched, total: progress.total })}
          </span>
          {cancel && (
            <button type="button" onClick={cancel}>
              {t('progress.cancel')}
            </button>
          )}
          {cancelled && <span role="status">{t('progress.cancelled')}</span>}
        </div>
      )}
    </>
  );
}
