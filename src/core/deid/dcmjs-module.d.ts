// The slice of dcmjs (which ships no types) that de-identification and SR writing use:
// the tag-keyed "DICOM JSON"-like dictionaries of DicomMessage.readFile and DicomDict.write.
declare module 'dcmjs' {
  export interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    _rawValue?: unknown;
    InlineBinary?: string;
    BulkDataURI?: string;
  }
  export type DcmjsDataset = Record<string, DcmjsElement>;

  export interface DcmjsDicomDict {
    meta: DcmjsDataset;
    dict: DcmjsDataset;
    write(options?: { allowInvalidVRLength?: boolean; fragmentMultiframe?: boolean }): ArrayBuffer;
  }

  export interface DcmjsReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  const dcmjs: {
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: DcmjsReadOptions): DcmjsDicomDict };
      DicomDict: new (meta: DcmjsDataset) => DcmjsDicomDict;
      DicomMetaDictionary: {
        naturalizeDataset(dataset: DcmjsDataset): Record<string, unknown>;
        denaturalizeDataset(dataset: Record<string, unknown>): DcmjsDataset;
        punctuateTag(rawTag: string): string;
        /** Every standard attribute by keyword: its tag "(GGGG,EEEE)" and VR. */
        nameMap: Record<string, { tag: string; vr: string; name: string }>;
      };
    };
  };
  export default dcmjs;
}
