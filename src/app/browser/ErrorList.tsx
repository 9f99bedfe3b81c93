import { useStore } from '../store/store.ts';

/** One line per file that could not be loaded: which file, and why in plain words. */
export function ErrorList() {
  const errors = useStore((s) => s.errors);
  const clear = useStore((s) => s.clearErrors);
  if (errors.length === 0) return null;
  return (
    <section className="error-list" aria-label="Files not loaded">
      <header>
        <h2>
          {errors.length} {errors.length === 1 ? 'file' : 'files'} not loaded
        </h2>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </header>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.file}-${i}`} data-code={e.code}>
            <strong>{e.file}</strong>: {e.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
