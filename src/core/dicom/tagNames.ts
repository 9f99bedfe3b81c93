/** Names of the tags a reader most often looks for in the tag browser (PS3.6 keywords). */
// prettier-ignore
export const tagNames: Record<string, string> = {
  x00020010: 'TransferSyntaxUID', x00020002: 'MediaStorageSOPClassUID', x00020003: 'MediaStorageSOPInstanceUID',
  x00020012: 'ImplementationClassUID', x00020013: 'ImplementationVersionName',
  x00080005: 'SpecificCharacterSet', x00080008: 'ImageType', x00080016: 'SOPClassUID', x00080018: 'SOPInstanceUID',
  x00080020: 'StudyDate', x00080021: 'SeriesDate', x00080030: 'StudyTime', x00080050: 'AccessionNumber',
  x00080060: 'Modality', x00080070: 'Manufacturer', x00080080: 'InstitutionName', x00080090: 'ReferringPhysicianName',
  x00081030: 'StudyDescription', x0008103e: 'SeriesDescription', x00081090: 'ManufacturerModelName',
  x00100010: 'PatientName', x00100020: 'PatientID', x00100030: 'PatientBirthDate', x00100040: 'PatientSex',
  x00101010: 'PatientAge', x00180015: 'BodyPartExamined', x00180050: 'SliceThickness', x00180060: 'KVP',
  x00180088: 'SpacingBetweenSlices', x00181030: 'ProtocolName', x00185100: 'PatientPosition',
  x0020000d: 'StudyInstanceUID', x0020000e: 'SeriesInstanceUID', x00200010: 'StudyID', x00200011: 'SeriesNumber',
  x00200013: 'InstanceNumber', x00200032: 'ImagePositionPatient', x00200037: 'ImageOrientationPatient',
  x00200052: 'FrameOfReferenceUID', x00201041: 'SliceLocation',
  x00280002: 'SamplesPerPixel', x00280004: 'PhotometricInterpretation', x00280006: 'PlanarConfiguration',
  x00280008: 'NumberOfFrames', x00280010: 'Rows', x00280011: 'Columns', x00280030: 'PixelSpacing',
  x00280100: 'BitsAllocated', x00280101: 'BitsStored', x00280102: 'HighBit', x00280103: 'PixelRepresentation',
  x00281050: 'WindowCenter', x00281051: 'WindowWidth', x00281052: 'RescaleIntercept', x00281053: 'RescaleSlope',
  x00281054: 'RescaleType', x00283000: 'ModalityLUTSequence', x00281101: 'RedPaletteColorLookupTableDescriptor',
  x00281201: 'RedPaletteColorLookupTableData', x52009229: 'SharedFunctionalGroupsSequence',
  x52009230: 'PerFrameFunctionalGroupsSequence', x7fe00010: 'PixelData',
};
