// The day's workflow in a few steps, beside the shortcuts: from opening studies to comparing
// centers, so the bundle exchange is not something to find by trial.
export function WorkflowHelp() {
  return (
    <section aria-label="Workflow" className="workflow-help" style={{ maxWidth: 560 }}>
      <h2>A day's work</h2>
      <ol>
        <li>
          <strong>Open</strong> files, a folder or zips (or drop them). Nothing leaves this
          computer.
        </li>
        <li>
          <strong>Cases</strong> tab: <em>Classify all</em> runs the model over every series; type
          labels in the table (Enter → next row) or <em>Import labels CSV</em> keyed by SOP UID,
          series UID, file name, study UID, accession or patient ID. Results survive a reload;
          re-open the files to see the images again.
        </li>
        <li>
          <strong>Analysis</strong> tab: draw ROIs (or use the whole image) and run IBSI features.
        </li>
        <li>
          <strong>Bundles</strong> tab → <em>Export bundle…</em>: name your center, keep the
          collaboration key your partners use (cases match only under the same key), sign, and
          optionally encrypt. Send the .zip.
        </li>
        <li>
          A partner's bundle: <em>Import</em>, check the signer, then <em>Compare bundles…</em> for
          label agreement, ROC/AUC and feature ICCs across centers.
        </li>
      </ol>
    </section>
  );
}
