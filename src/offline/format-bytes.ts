/** Sizes as readers read them: "845 kB", "7.4 MB", "13 MB" (decimal units, like download dialogs). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const kB = Math.round(bytes / 1000);
  if (kB < 1000) return `${kB} kB`;
  const MB = bytes / 1_000_000;
  // One decimal while it says something: 7.4 MB, but 13 MB.
  return MB < 9.95 ? `${MB.toFixed(1)} MB` : `${Math.round(MB)} MB`;
}
