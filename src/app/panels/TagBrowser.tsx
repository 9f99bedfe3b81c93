import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { filterTags } from './filterTags.ts';
import { useTags } from './useTags.ts';

/** Every element of the active viewport's instance, named from the full PS3.6 dictionary,
 * searchable; sequence items indented. */
export function TagBrowser() {
  const { t } = useTranslation('tags');
  const file = useStore((s) => selectActivePosition(s)?.instance.file);
  const { rows, error } = useTags(file);
  const [query, setQuery] = useState('');
  if (!file) return <p className="muted">{t('noImage')}</p>;
  const shown = filterTags(rows, query);
  return (
    <div className="tag-browser">
      <input
        type="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted file-name">
        {t('count', { file, shown: shown.length, total: rows.length })}
      </p>
      {error && (
        <p className="viewport-error">
          {problemText(t, { code: 'tags-failed', reason: error, params: { reason: error } })}
        </p>
      )}
      <table>
        <tbody>
          {shown.map((r, i) => (
            <tr key={`${r.tag}-${i}`}>
              <td className="tag" style={{ paddingLeft: 4 + r.depth * 10 }}>
                {r.tag}
              </td>
              <td>
                {r.name ?? (r.private ? <em className="muted">{t('private')}</em> : '')}{' '}
                <span className="muted">{r.vr}</span>
                {r.retired && <span className="muted"> · {t('retired')}</span>}
              </td>
              <td className="value">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
