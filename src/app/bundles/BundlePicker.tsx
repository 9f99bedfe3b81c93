// The library's bundles as a list of checkboxes, for the views that work over a chosen set
// (comparison, study): all chosen at first, each one unticked to leave it out.
import { useState } from 'react';
import { useStore } from '../store/store.ts';

/** The chosen bundles' ids and the list that chooses them. */
export function useBundlePicker(): { ids: string[]; picker: React.JSX.Element } {
  const library = useStore((s) => s.library);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const ids = library.map((b) => b.summary.id).filter((id) => !excluded.has(id));
  const toggle = (id: string) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const picker = (
    <ul className="bundle-list">
      {library.map((b) => (
        <li key={b.summary.id}>
          <label>
            <input
              type="checkbox"
              checked={!excluded.has(b.summary.id)}
              onChange={() => toggle(b.summary.id)}
            />{' '}
            {b.summary.center} · {b.summary.createdAt}
          </label>
        </li>
      ))}
    </ul>
  );
  return { ids, picker };
}
