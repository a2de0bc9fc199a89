/** How many records of each kind an import wrote. */
export interface ImportSummary {
  sites: number;
  servers: number;
  computers: number;
  queries: number;
  machineGroups: number;
  packages: number;
  jobs: number;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "Imported 4 sites, 6 servers, ... and 3 jobs" for the CLI and the console alike. */
export function describeImportSummary(summary: ImportSummary): string {
  const parts = [
    plural(summary.sites, "site"),
    plural(summary.servers, "server"),
    plural(summary.computers, "computer"),
    // Queries came later than the other collections: named only when a document has some.
    ...(summary.queries > 0 ? [plural(summary.queries, "query").replace(/querys$/, "queries")] : []),
    plural(summary.machineGroups, "machine group"),
    plural(summary.packages, "package"),
    plural(summary.jobs, "job"),
  ];
  return `Imported ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
