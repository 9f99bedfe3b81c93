import { useMemo, useState } from 'react';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { headerRows } from './headerRows.ts';

/** The header of the instance in the active viewport, filtered by a search box. */
export function TagBrowser() {
  const meta = useStore((s) => selectActivePosition(s)?.instance);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => (meta ? headerRows(meta) : []), [meta]);
  if (!meta) return <p className="muted">Show an image to see its tags.</p>;
  const q = query.trim().toLowerCase();
  const shown = q
    ? rows.filter((r) => `${r.tag} ${r.name} ${r.value}`.toLowerCase().includes(q))
    : rows;
  return (
    <div className="tag-browser">
      <input
        type="search"
        placeholder="Search tags (name, number or value)"
        aria-label="Search tags"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted file-name">{meta.file}</p>
      <table>
        <tbody>
          {shown.map((r) => (
            <tr key={r.tag + r.name}>
              <td className="tag">{r.tag}</td>
              <td>{r.name}</td>
              <td className="value">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
