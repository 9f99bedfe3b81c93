// What a federation message is, in the page's words: which step, which round, from whom.
import type { TFunction } from 'i18next';
import { PLATT_ROUNDS } from '../../core/models/federated/federation.ts';
import { isFinal, isPlattRound } from '../../core/models/federated/session.ts';
import type { ModelUpdate } from '../../core/models/federated/update.ts';

function stepWords(t: TFunction, u: ModelUpdate): string {
  if (isFinal(u)) return t('message.final');
  if (u.stage) return t(`message.${u.stage}`);
  // A linear SVM's Platt rounds count from 1 after its training rounds.
  const platt = { step: u.round - (u.terms?.rounds ?? 0), steps: PLATT_ROUNDS };
  if (u.from === 'coordinator')
    return isPlattRound(u) ? t('message.platt', platt) : t('message.model', { round: u.round });
  if (u.platt) return t('message.plattSums', platt);
  if (u.hinge) return t('message.hinge', { round: u.round });
  return t('message.round', { round: u.round });
}

export function messageWords(t: TFunction, u: ModelUpdate): string {
  const what = stepWords(t, u);
  return t('message.line', { what, from: u.from, federation: u.federation, cases: u.cases });
}
