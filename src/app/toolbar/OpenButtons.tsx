import { useEffect, useRef } from 'react';
import { loadFiles } from '../actions/loadFiles.ts';
import { openDemo } from '../actions/openDemo.ts';
import { sourcesFromFileList } from '../ingest/fromFileList.ts';

/** Open files (DICOM or .zip), a whole folder, or the demo study. */
export function OpenButtons() {
  const folder = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not in React's attribute types; Chromium, Firefox and Safari all support it.
    folder.current?.setAttribute('webkitdirectory', '');
  }, []);
  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = e.target.files;
    if (files && files.length > 0) void loadFiles(sourcesFromFileList(files));
    e.target.value = '';
  };
  return (
    <div className="button-group">
      <label className="button">
        Open files…
        <input type="file" multiple hidden onChange={onPick} data-testid="open-files" />
      </label>
      <label className="button">
        Open folder…
        <input
          ref={folder}
          type="file"
          multiple
          hidden
          onChange={onPick}
          data-testid="open-folder"
        />
      </label>
      <button type="button" onClick={() => void openDemo()}>
        Open demo study
      </button>
    </div>
  );
}
