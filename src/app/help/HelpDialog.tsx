import { shortcuts } from '../shortcuts/shortcuts.ts';
import { useStore } from '../store/store.ts';
import { WorkflowHelp } from './WorkflowHelp.tsx';

export function HelpDialog() {
  const close = useStore((s) => s.setHelpOpen);
  return (
    <div className="dialog-backdrop" onClick={() => close(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.label}>
                <td>
                  <kbd>{s.label}</kbd>
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
            <tr>
              <td>Mouse</td>
              <td>
                Wheel: scroll slices · left drag: current tool · right drag: zoom · middle drag: pan
              </td>
            </tr>
          </tbody>
        </table>
        <WorkflowHelp />
        <button type="button" onClick={() => close(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
