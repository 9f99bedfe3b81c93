// Save settings… / Load settings…: the Analysis tab's settings as the file `consilium features
// --params` reads (YAML or JSON), and such a file (or a PyRadiomics one) read back into the tab.
import { useState } from 'react';
import { download } from '../bundles/actions/download.ts';
import { useStore } from '../store/store.ts';
import { importStructureRoi, structuresOfSeries } from './maskRoi.ts';
import { loadSettingsText, settingsFileText } from './settingsFile.ts';

/** The file's structure as the ROI of the current series, as `--structure` picks it (ROI
 * Name, Segment Label or number); what happened, in plain words. */
async function chooseStructure(wanted: readonly string[]): Promise<string> {
  if (wanted.length === 0) return '';
  const s = useStore.getState();
  const seriesUID = s.viewports[s.active].seriesUID;
  const found = seriesUID
    ? structuresOfSeries(s, seriesUID).find(
        (x) => wanted.includes(x.structure.name) || wanted.includes(String(x.structure.number)),
      )
    : undefined;
  if (!found || !seriesUID)
    return ` It names the structure ${wanted.join(', ')}, which the current series has not: choose the ROI above.`;
  const r = await importStructureRoi(seriesUID, found);
  if (!r.ok) return ` Its structure ${found.structure.name} could not be placed: ${r.error.reason}`;
  return ` The ROI is its structure ${found.structure.name}.`;
}

export function SettingsFileControls() {
  const settings = useStore((s) => s.settings);
  const set = useStore((s) => s.setSettings);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const load = async (file: File | undefined) => {
    if (!file) return;
    const r = loadSettingsText(await file.text(), file.name, useStore.getState().settings);
    if (!r.ok) {
      setNote('');
      setError(r.error.reason);
      return;
    }
    setError('');
    set(r.value.settings);
    setNote(r.value.note);
    setNote(r.value.note + (await chooseStructure(r.value.structures)));
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
        Save settings…
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
        Save as JSON…
      </button>
      <label>
        Load settings…{' '}
        <input
          type="file"
          accept=".yaml,.yml,.json"
          aria-label="Load settings"
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = ''; // the same file again is a new load
          }}
        />
      </label>
      <output data-testid="settings-note">{note}</output>
      {error && (
        <pre role="alert" className="settings-error">
          {error}
        </pre>
      )}
    </div>
  );
}
