import { openDemo } from '../actions/openDemo.ts';
import { PacsSource } from '../pacs/PacsSource.tsx';

/** What an empty workbench shows: where to drop studies, and the demo. */
export function StartPage() {
  return (
    <div className="start-page">
      <h2>Drop DICOM files, folders or .zip archives here</h2>
      <p>Everything stays on this computer: files are read in your browser, nothing is uploaded.</p>
      <button type="button" className="primary" onClick={() => void openDemo()}>
        Open demo study
      </button>
      <p className="muted">A synthetic 40-slice CT phantom, generated on the spot.</p>
      <PacsSource />
    </div>
  );
}
