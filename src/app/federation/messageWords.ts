// What a federation message is, in the page's words: which step, which round, from whom.
import type { TFunction } from 'i18next';
import { isFinal } from '../../core/models/federated/session.ts';
import type { ModelUpdate } from '../../core/models/federated/update.ts';

export function messageWords(t: TFunction, u: ModelUpdate): string {
  const what = isFinal(u)
    ? t('message.final')
    : u.stage
      ? t(`message.${u.stage}`)
      : u.from === 'coordinator'
        ? t('message.model', { round: u.round })
        : t('message.round', { round: u.round });
  return t('message.line', { what, from: u.from, federation: u.federation, cases: u.cases });
}
