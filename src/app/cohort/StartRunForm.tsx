// Starts a single-machine run over one of the folders the server offers (its --cohort-inputs):
// the page names a folder from the list, never a path.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { startRun } from './cohortApi.ts';

const commands = ['features', 'infer'] as const;

export function StartRunForm(props: {
  inputs: readonly string[];
  canStart: boolean;
  onStarted: (id: string) => void;
}) {
  const { t } = useTranslation('cohort');
  const [input, setInput] = useState('');
  const [command, setCommand] = useState<(typeof commands)[number]>('features');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!props.canStart) return <p className="muted">{t('start.notOffered')}</p>;
  if (props.inputs.length === 0) return <p className="muted">{t('start.noInputs')}</p>;
  const chosen = props.inputs.includes(input) ? input : props.inputs[0];
  const start = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const a = await startRun(chosen, command);
      if (a.kind === 'ok') props.onStarted(a.value.id);
      else setMessage(a.kind === 'problem' ? problemText(t, a.problem) : t('unavailable.what'));
    } catch (e) {
      setMessage(String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="cohort-start">
      <legend>{t('start.heading')}</legend>
      <label>
        {t('start.input')}{' '}
        <select value={chosen} onChange={(e) => setInput(e.target.value)}>
          {props.inputs.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('start.command')}{' '}
        <select
          value={command}
          onChange={(e) => setCommand(e.target.value as (typeof commands)[number])}
        >
          {commands.map((c) => (
            <option key={c} value={c}>
              {t(`command.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void start()}>
        {t('start.button')}
      </button>
      {message && (
        <p className="cohort-problem" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  );
}
