const usage = `consilium — multi-center medical image analysis, headless

Usage:
  consilium inspect <files|dirs…> --json   one JSON line per file: header facts and pixel statistics
  consilium features <files|dirs…> [--roi x,y,w,h | --mask <dir>] [--bin-width W | --bin-count N] [--aggregation A] [--jobs N] --json   IBSI radiomics features
  consilium edges <file> --out edges.png [--sigma S] [--low L --high H | --low-pct P --high-pct P] [--window min,max]   Canny edge mask
  consilium filter <series|file.nii> --filter log --sigma 3 [--boundary mirror] [--2d] [--rotation-invariant --pooling max] --out response.nii.gz   IBSI 2 filter response map
  consilium verify <bundle.zip> [--trust partner.pem …] [--allow-untrusted] [--passphrase-file F] [--json]   check a result bundle; exit 0 only if valid and signed by a trusted key
  consilium compare <bundle.zip>… [--trust partner.pem …] [--allow-untrusted] [--json] [--feature CODE] [--positive LABEL]   agreement across centers' verified bundles
  consilium study <bundle.zip>… --out study.csv [--labels L] [--harmonize parametric|nonparametric] [--covariate label] [--ref-center NAME] [--save-combat F | --apply-combat F] [--json]   one study table across centers, ComBat harmonization, center effect before/after
  consilium train <study.csv> --model logreg-l2|logreg-l1|svm-linear|svm-rbf|forest [--cv K [--repeats R] | --loco] [--select …] --out model.onnx [--card card.json] [--json]   a classifier on a study table, validated per center, written as ONNX with its model card
  consilium federate --centers DIR DIR… [--model logreg-l2|forest] [--rounds N] [--holdout F] [--out model.onnx] [--json]   a federation simulated on one machine: centers exchange only signed model updates
  consilium analyze <files|dirs…> --center NAME --key-file K --out bundle.zip [--labels L] [--sign-key K] [--jobs N]   de-identified result bundle (features, predictions, SR per study)
  consilium infer <files|dirs…> [--model m.onnx --card card.json] [--json]   ONNX classifier (default: pneumonia-cnn), one line per image
  consilium cohort submit|status|wait|reduce|bundle …   a features, infer or analyze cohort spread over many machines through Redis (BullMQ); partner bundles in shards; see docs/cohort.md
  consilium worker --redis URL [--jobs N]   computes queued cohort series in worker threads
  consilium query "<SQL>" [--results DIR] [--json]   SQL (DuckDB) over results; the view features is DIR's long Parquet table
  consilium deidentify <files|dirs|zips…> --out <dir|file.zip> --key-file K [--dates remove|shift] [--json]   de-identified DICOM copies named by pseudonymous UIDs
  consilium serve [--port P] [--pacs name=URL …] [--cohorts DIR [--cohort-inputs DIR]]   the workbench on this machine; /dicom-web/<name>/ proxied to each PACS; cohort runs in its Cohort tab

Folders are read recursively and .zip archives opened (members named archive.zip/member).
Instead of <files|dirs…>, --dicomweb URL (--study UID | --query key=value…) [--token-file F]
reads studies from a PACS (DICOMweb: QIDO-RS, WADO-RS); analyze --stow URL stores each SR back.
JSON lines are records: {"ok":true,"value":{…}} or {"ok":false,"error":{"code","reason","params":{"file",…}}}.
consilium <command> --help prints a command's options.
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./inspect.ts')).inspectCommand,
  features: async () => (await import('./features.ts')).featuresCommand,
  edges: async () => (await import('./edges.ts')).edgesCommand,
  filter: async () => (await import('./filter.ts')).filterCommand,
  verify: async () => (await import('./verify.ts')).verifyCommand,
  compare: async () => (await import('./compare.ts')).compareCommand,
  study: async () => (await import('./study.ts')).studyCommand,
  train: async () => (await import('./train.ts')).trainCommand,
  federate: async () => (await import('./federate.ts')).federateCommand,
  analyze: async () => (await import('./analyze.ts')).analyzeCommand,
  infer: async () => (await import('./infer.ts')).inferCommand,
  cohort: async () => (await import('./cohort/command.ts')).cohortCommand,
  worker: async () => (await import('./worker.ts')).workerCommand,
  query: async () => (await import('./cohort/query.ts')).queryCommand,
  deidentify: async () => (await import('./deidentify.ts')).deidentifyCommand,
  serve: async () => (await import('./serve/serveCommand.ts')).serveCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  // --dicomweb URL … becomes one input path, read by the shared walker (io/dicomwebInputs.ts).
  const folded = rest.some((a) => a.startsWith('--dicomweb'))
    ? (await import('./io/dicomwebInputs.ts')).foldDicomwebArgs(rest)
    : { argv: rest };
  if ('usage' in folded) {
    process.stderr.write(`consilium ${name}: ${folded.usage}\n`);
    return 2;
  }
  // WASM codecs decode in a thread with a time budget, so a damaged frame cannot hang a run.
  const closeCodecs = (await import('./io/codecThread.ts')).installCodecThread();
  const command = await load();
  try {
    return await command(folded.argv);
  } finally {
    await closeCodecs();
  }
}
