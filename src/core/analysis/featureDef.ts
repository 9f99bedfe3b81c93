// How a feature is named: the IBSI family, its IBSI name, four-character identifier and unit.

export type FamilyId =
  | 'intensity-statistics'
  | 'intensity-histogram'
  | 'glcm'
  | 'glrlm'
  | 'glszm'
  | 'ngtdm'
  | 'ngldm'
  | 'gldzm'
  | 'intensity-volume-histogram'
  | 'morphology'
  | 'local-intensity';

export interface FeatureDef {
  family: FamilyId;
  /** The feature's name as the IBSI reference manual writes it. */
  name: string;
  /** The IBSI four-character identifier, e.g. GYBY for GLCM joint maximum. */
  ibsiCode: string;
  /** '' for dimensionless; 'I' stands for the image's intensity unit (e.g. HU). */
  unit: string;
  /** How the value is computed where IBSI allows more than one way (e.g. exact or approximated). */
  note?: string;
}

/** Builds a family's definitions from [name, code, unit] rows. */
export function defineFamily(
  family: FamilyId,
  rows: readonly (readonly [name: string, code: string, unit: string])[],
): FeatureDef[] {
  return rows.map(([name, ibsiCode, unit]) => ({ family, name, ibsiCode, unit }));
}
