import { useState } from 'react';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { filterTags } from './filterTags.ts';
import { useTags } from './useTags.ts';

/** Every element of the active viewport's instance, searchable; sequence items indented. */
export function TagBrowser() {
  const file = useStore((s) => selectActivePosition(s)?.instance.file);
  const { rows, error } = useTags(file);
  const [query, setQuery] = useState('');
  if (!file) return <p className="muted">Show an image to see its tags.</p>;
  const shown = filterTags(rows, query);
  return (
    <div className="tag-browser">
      <input
        type="search"
        placeholder="Search tags (name, number or value)"
        aria-label="Search tags"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted file-name">
        {file} · {shown.length} of {rows.length} elements
      </p>
      {error && <p className="viewport-error">{error}</p>}
      <table>
        <tbody>
          {shown.map((r, i) => (
            <tr key={`${r.tag}-${i}`}>
              <td className="tag" style={{ paddingLeft: 4 + r.depth * 10 }}>
                {r.tag}
              </td>
              <td>
                {r.name ?? ''} <span className="muted">{r.vr}</span>
              </td>
              <td className="value">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
