// Starts a single-machine run over one of the folders the server offers (its --cohort-inputs):
// the page names a folder from the list, never a path, and the command's options under the
// CLI's names (startRequest.ts). The server checks them with the CLI's parsers; a refusal comes
// back as a Problem naming its field, shown beside that field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyId } from '../../core/analysis/featureDef.ts';
import { familyDefs } from '../../core/analysis/registry.ts';
import {
  optionsOf,
  startCommands,
  type ModelChoice,
  type StartCommand,
  type StartOptions,
} from '../../core/cohort/startRequest.ts';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { startRun, unreachable } from './cohortApi.ts';

const families = Object.keys(familyDefs) as FamilyId[];
type Bins = 'default' | 'bin-width' | 'bin-count';

export function StartRunForm(props: {
  inputs: readonly string[];
  canStart: boolean;
  /** The server's models for infer and analyze, by name (the default first). */
  models: readonly ModelChoice[];
  onStarted: (id: string) => void;
}) {
  const { t } = useTranslation(['cohort', 'features']);
  const [input, setInput] = useState('');
  const [command, setCommand] = useState<StartCommand>('features');
  const [chosen, setChosen] = useState<readonly FamilyId[]>([]);
  const [bins, setBins] = useState<Bins>('default');
  const [binValue, setBinValue] = useState('');
  const [filters, setFilters] = useState('');
  const [model, setModel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!props.canStart) return <p className="muted">{t('start.notOffered')}</p>;
  if (props.inputs.length === 0) return <p className="muted">{t('start.noInputs')}</p>;
  const folder = props.inputs.includes(input) ? input : props.inputs[0];
  const chosenModel =
    props.models.find((m) => m.name === model) ?? props.models.find((m) => m.default);
  const takes = optionsOf[command];
  const options = (): StartOptions => {
    const o: { -readonly [K in keyof StartOptions]: StartOptions[K] } = {};
    if (takes.includes('families') && chosen.length > 0) o.families = chosen.join(',');
    if (bins !== 'default' && takes.includes(bins)) o[bins] = binValue;
    const specs = filters
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (takes.includes('filter') && specs.length > 0) o.filter = specs;
    if (takes.includes('model') && chosenModel) o.model = chosenModel.name;
    return o;
  };
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const a = await startRun({ input: folder, command, options: options() });
      if (a.kind === 'ok') props.onStarted(a.value.id);
      else
        setProblem(
          a.kind === 'problem'
            ? a.problem
            : { code: 'cohort-unavailable', reason: t('unavailable.what'), params: {} },
        );
    } catch (e) {
      setProblem(unreachable(e));
    } finally {
      setBusy(false);
    }
  };
  // The refusal beside the field it names; one naming no field shown here goes under the form.
  const named = problem ? String(problem.params.field ?? '') : '';
  const at = (takes as readonly string[]).includes(named) ? named : '';
  const refusal = (field: string) =>
    problem && at === field ? (
      <p className="cohort-problem" role="alert" data-field={field}>
        {problemText(t, problem)}
      </p>
    ) : null;
  return (
    <fieldset className="cohort-start">
      <legend>{t('start.heading')}</legend>
      <div className="cohort-start-row">
        <label>
          {t('start.input')}{' '}
          <select value={folder} onChange={(e) => setInput(e.target.value)}>
            {props.inputs.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('start.command')}{' '}
          <select value={command} onChange={(e) => setCommand(e.target.value as StartCommand)}>
            {startCommands.map((c) => (
              <option key={c} value={c}>
                {t(`command.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {takes.includes('model') && props.models.length > 0 && (
        <div className="cohort-start-row">
          <label>
            {t('start.model')}{' '}
            <select value={chosenModel?.name ?? ''} onChange={(e) => setModel(e.target.value)}>
              {props.models.map((m) => (
                <option key={m.name} value={m.name} title={m.description}>
                  {m.default
                    ? t('start.modelDefault', { name: m.name, version: m.version })
                    : t('start.modelNamed', { name: m.name, version: m.version })}
                </option>
              ))}
            </select>
          </label>
          {chosenModel?.description && <span className="muted">{chosenModel.description}</span>}
        </div>
      )}
      {refusal('model')}
      {takes.includes('families') && (
        <div className="cohort-start-families" role="group" aria-label={t('start.families')}>
          <span>{t('start.families')}</span>
          {families.map((f) => (
            <label key={f} title={t(`features:family.${f}`, { defaultValue: f })}>
              <input
                type="checkbox"
                checked={chosen.includes(f)}
                onChange={() =>
                  setChosen((c) => (c.includes(f) ? c.filter((x) => x !== f) : [...c, f]))
                }
              />
              {f}
            </label>
          ))}
          <span className="muted">{t('start.familiesHint')}</span>
        </div>
      )}
      {refusal('families')}
      {takes.includes('bin-width') && (
        <div className="cohort-start-row">
          <label>
            {t('start.discretisation')}{' '}
            <select value={bins} onChange={(e) => setBins(e.target.value as Bins)}>
              <option value="default">{t('start.bins.default')}</option>
              <option value="bin-width">{t('start.bins.width')}</option>
              <option value="bin-count">{t('start.bins.count')}</option>
            </select>
          </label>
          {bins !== 'default' && (
            <label>
              {t(bins === 'bin-width' ? 'start.bins.widthValue' : 'start.bins.countValue')}{' '}
              <input
                type="text"
                inputMode="decimal"
                size={8}
                value={binValue}
                onChange={(e) => setBinValue(e.target.value)}
              />
            </label>
          )}
        </div>
      )}
      {refusal('bin-width')}
      {refusal('bin-count')}
      {takes.includes('filter') && (
        <label className="cohort-start-filters">
          {t('start.filters')}
          <textarea
            rows={2}
            value={filters}
            placeholder="log:sigma=3,boundary=mirror"
            onChange={(e) => setFilters(e.target.value)}
          />
        </label>
      )}
      {refusal('filter')}
      <div className="cohort-start-row">
        <button type="button" disabled={busy} onClick={() => void start()}>
          {t('start.button')}
        </button>
      </div>
      {refusal('')}
    </fieldset>
  );
}
