// The library's bundles as a list of checkboxes, for the views that work over a chosen set
// (comparison, study): all chosen at first, each one unticked to leave it out.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import { useStore } from '../store/store.ts';

/** An ISO instant as a local date and time in the locale (as given when it is not one). */
export function shownInstant(iso: string, locale: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : formatDateTime(at, locale);
}

/** The chosen bundles' ids and the list that chooses them. */
export function useBundlePicker(): { ids: string[]; picker: React.JSX.Element } {
  const { i18n } = useTranslation();
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
            {b.summary.center} · {shownInstant(b.summary.createdAt, i18n.language)}
          </label>
        </li>
      ))}
    </ul>
  );
  return { ids, picker };
}
