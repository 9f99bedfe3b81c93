// dicom-parser ships a UMD bundle: take its namespace once here, with the two classes its
// typings leave out, so the rest of core imports typed values from one place.
import dicomParserModule from 'dicom-parser';
import type { ByteArrayParser, DataSet, Element } from 'dicom-parser';

export type { ByteArrayParser, DataSet, Element, Fragment } from 'dicom-parser';

type DataSetConstructor = new (
  parser: ByteArrayParser,
  bytes: Uint8Array,
  elements: Record<string, Element>,
) => DataSet;

export const dicomParser = dicomParserModule as typeof dicomParserModule & {
  DataSet: DataSetConstructor;
};
