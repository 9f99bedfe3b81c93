import type { DcmjsDataset, DcmjsElement } from 'dcmjs';

// Builders for SR content items as tag-keyed dcmjs data sets (PS3.3 C.17.3). Tag-keyed rather
// than dcmjs's SR helpers, whose Measurement template mishandles tracking identifiers.

export interface Code {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

export type Relationship =
  | 'CONTAINS'
  | 'HAS OBS CONTEXT'
  | 'HAS CONCEPT MOD'
  | 'INFERRED FROM'
  | 'HAS PROPERTIES'
  | 'SELECTED FROM';

const str = (vr: string, ...values: string[]): DcmjsElement => ({ vr, Value: values });
const seq = (...items: DcmjsDataset[]): DcmjsElement => ({ vr: 'SQ', Value: items });

export function codeItem(code: Code): DcmjsDataset {
  return {
    '00080100': str('SH', code.value),
    '00080102': str('SH', code.scheme),
    '00080104': str('LO', code.meaning.slice(0, 64)),
  };
}

function item(
  relationship: Relationship | undefined,
  valueType: string,
  concept: Code | undefined,
  extra: DcmjsDataset,
): DcmjsDataset {
  return {
    ...(relationship ? { '0040A010': str('CS', relationship) } : {}),
    '0040A040': str('CS', valueType),
    ...(concept ? { '0040A043': seq(codeItem(concept)) } : {}),
    ...extra,
  };
}

export function container(
  relationship: Relationship | undefined,
  concept: Code,
  children: DcmjsDataset[],
  template?: string,
): DcmjsDataset {
  return item(relationship, 'CONTAINER', concept, {
    '0040A050': str('CS', 'SEPARATE'),
    ...(template
      ? { '0040A504': seq({ '00080105': str('CS', 'DCMR'), '0040DB00': str('CS', template) }) }
      : {}),
    ...(children.length ? { '0040A730': seq(...children) } : {}),
  });
}

export function codeValue(relationship: Relationship, concept: Code, value: Code): DcmjsDataset {
  return item(relationship, 'CODE', concept, { '0040A168': seq(codeItem(value)) });
}

export function text(relationship: Relationship, concept: Code, value: string): DcmjsDataset {
  return item(relationship, 'TEXT', concept, { '0040A160': str('UT', value) });
}

export function uidRef(relationship: Relationship, concept: Code, uid: string): DcmjsDataset {
  return item(relationship, 'UIDREF', concept, { '0040A124': str('UI', uid) });
}

/** DS holds at most 16 characters: nine significant digits always fit, exponent and sign included. */
export function decimalString(x: number): string {
  return String(Number(x.toPrecision(9)));
}

export function num(
  relationship: Relationship,
  concept: Code,
  value: number,
  unit: Code,
): DcmjsDataset {
  return item(relationship, 'NUM', concept, {
    '0040A300': seq({
      '0040A30A': str('DS', decimalString(value)),
      '004008EA': seq(codeItem(unit)),
    }),
  });
}

/** Image library entries (TID 1601) carry no concept name. */
export function image(
  relationship: Relationship,
  concept: Code | undefined,
  sopClassUid: string,
  sopInstanceUid: string,
): DcmjsDataset {
  return item(relationship, 'IMAGE', concept, {
    '00081199': seq({ '00081150': str('UI', sopClassUid), '00081155': str('UI', sopInstanceUid) }),
  });
}
