import type { JobRule } from "../rule";
import { serverSubject } from "../subjects";

/** R20 (Q124959, Q139589): long file names need NTFS distribution servers. */
export const longFileNamesOnNonNtfsServers: JobRule = {
  kind: "job",
  code: "R20",
  title: "Long file names need NTFS distribution servers",
  severity: "error",
  scope: "server",
  gate: null,
  sources: ["Q124959", "Q139589"],
  why: "Long file names in a package source set its 'NTFS required' flag, and the despooler then skips every non-NTFS (FAT, HPFS, NetWare) distribution server: clients that pick those servers never find the package.",
  check({ context }) {
    const nonNtfs = context.distributionServers.filter((server) => server.fileSystem !== "NTFS");
    if (nonNtfs.length === 0) return null;
    if (context.package.hasLongFileNames === null) return { notChecked: "whether the package source has long file names is not recorded" };
    if (!context.package.hasLongFileNames) return null;
    return {
      finding: {
        message: `Long file names require NTFS distribution servers; ${nonNtfs.length} non-NTFS server${nonNtfs.length === 1 ? "" : "s"} will be skipped: ${nonNtfs.map((server) => server.name).join(", ")}.`,
        subjects: nonNtfs.map((server) => serverSubject(server.name)),
        fix: { form: "job", field: "distributePhase.serverGroupId", text: "Choose a server group of NTFS distribution servers, or rename the source files to 8.3 names." },
      },
    };
  },
};
