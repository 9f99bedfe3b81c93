// Save settings… / Load settings…: the Analysis tab's settings as the file `consilium features
// --params` reads (YAML or JSON), and such a file (or a PyRadiomics one) read back into the tab.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { download } from '../bundles/actions/download.ts';
import { useStore } from '../store/store.ts';
import { importStructureRoi, structuresOfSeries } from './maskRoi.ts';
import { loadSettingsText, settingsFileText } from './settingsFile.ts';
import { FileInput } from '../panels/FileInput.tsx';

/** The file's structure as the ROI of the current series, as `--structure` picks it (ROI
 * Name, Segment Label or number); what happened, in plain words. */
async function chooseStructure(wanted: readonly string[], t: TFunction): Promise<string> {
  if (wanted.length === 0) return '';
  const s = useStore.getState();
  const seriesUID = s.viewports[s.active].seriesUID;
  const found = seriesUID
    ? structuresOfSeries(s, seriesUID).find(
        (x) => wanted.includes(x.structure.name) || wanted.includes(String(x.structure.number)),
      )
    : undefined;
  if (!found || !seriesUID)
    return ` ${t('settingsFile.structureMissing', { names: wanted.join(', ') })}`;
  const r = await importStructureRoi(seriesUID, found);
  if (!r.ok)
    return ` ${t('settingsFile.structureFailed', { name: found.structure.name, reason: problemText(t, r.error) })}`;
  return ` ${t('settingsFile.structureChosen', { name: found.structure.name })}`;
}

export function SettingsFileControls() {
  const { t, i18n } = useTranslation('analysis');
  const settings = useStore((s) => s.settings);
  const set = useStore((s) => s.setSettings);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    const r = loadSettingsText(await file.text(), file.name, useStore.getState().settings);
    if (!r.ok) {
      setNote('');
      setError(r.error);
      return;
    }
    setError(null);
    set(r.value.settings);
    const loaded = t(
      r.value.pyradiomics ? 'settingsFile.loadedPyradiomics' : 'settingsFile.loaded',
      {
        name: file.name,
      },
    );
    setNote(loaded);
    setNote(loaded + (await chooseStructure(r.value.structures, t)));
  };
  return (
    <div className="row settings-file">
      <button
        type="button"
        onClick={() =>
          download(
            'consilium-settings.yaml',
            settingsFileText(settings, 'yaml'),
            'application/yaml',
          )
        }
      >
        {t('settingsFile.save')}
      </button>
      <button
        type="button"
        onClick={() =>
          download(
            'consilium-settings.json',
            settingsFileText(settings, 'json'),
            'application/json',
          )
        }
      >
        {t('settingsFile.saveJson')}
      </button>
      <label>
        {t('settingsFile.load')}{' '}
        <FileInput
          accept=".yaml,.yml,.json"
          aria-label={t('settingsFile.loadLabel')}
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = ''; // the same file again is a new load
          }}
        />
      </label>
      <output data-testid="settings-note">{note}</output>
      {error && (
        <pre role="alert" className="settings-error">
          {problemText(t, error)}
        </pre>
      )}
      {error && !i18n.language.startsWith('en') && (
        // Which keys were wrong, in core's words (each with its code), for the details.
        <details>
          <summary>{t('settingsFile.details')}</summary>
          <pre>{error.reason}</pre>
        </details>
      )}
    </div>
  );
}
