import type { PacsConfig } from './pacsServers.ts';

/** Which configured PACS to use, by name and address (the PACS panel and the STOW section). */
export function PacsServerSelect({
  label,
  servers,
  chosen,
  onChoose,
}: {
  label: string;
  servers: readonly PacsConfig[];
  chosen: number;
  onChoose: (index: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={chosen} onChange={(e) => onChoose(Number(e.target.value))}>
        {servers.map((s, i) => (
          <option key={s.name} value={i}>
            {s.name} ({s.baseUrl})
          </option>
        ))}
      </select>
    </label>
  );
}
