// Regressions whose fix belongs to code another change is hardening now: their replay is a
// todo until that fix lands, then the line goes and the test runs. Keys are paths under
// tools/fuzz/regressions/; values say who fixes what.
export const pending: Readonly<Record<string, string>> = {
  'dicom/jpegls-rgb-scan-hangs-charls.dcm':
    'src/core/dicom codecs: a 740-byte RGB JPEG-LS file whose scan data is damaged keeps CharLS decoding for ~34 s before it throws (needs a bound on decode work, e.g. codestream checks or a terminable worker)',
  'dicom/htj2k-garbage-after-siz-hangs-openjph.dcm':
    'src/core/dicom codecs: a 1259-byte HTJ2K file (16×16, SIZ then bytes that are no marker segment) keeps OpenJPH decoding for more than 100 s: a hang, not a slow path',
};
