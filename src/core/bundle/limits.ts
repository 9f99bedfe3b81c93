/** Ceilings on what an imported bundle may make us read or inflate (zip bomb defence). */
export interface ImportLimits {
  /** The .zip (or encrypted file) itself. */
  readonly maxBundleBytes: number;
  readonly maxMembers: number;
  /** Uncompressed size of any one member, declared or actual. */
  readonly maxMemberBytes: number;
  /** Uncompressed size of all members together, declared or actual. */
  readonly maxTotalBytes: number;
}

export const defaultLimits: ImportLimits = {
  maxBundleBytes: 64 * 1024 * 1024,
  // A DICOM SR per study: the schema's 1000 listed members, plus manifest.json and signature.json.
  maxMembers: 1002,
  maxMemberBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** How the zip reader bounds each step of its own work, whatever the limits above. */
export const zipReading = {
  /**
   * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
   * step makes at most ~16 MiB before the reader counts it against the member's declared size.
   */
  inflateChunkBytes: 16 * 1024,
} as const;
