import type { PackageRule } from "../rule";
import { packageSubject } from "../subjects";

/** R21 (Q152338, Q122181): Macintosh packages need an NTFS source and a server with Services for Macintosh. */
export const macintoshPackageStorage: PackageRule = {
  kind: "package",
  code: "R21",
  title: "Macintosh packages need NTFS and Services for Macintosh",
  severity: "error",
  scope: "package",
  gate: null,
  sources: ["Q152338", "Q122181"],
  why:
    "Macintosh files keep resource forks that only NTFS stores, and PCMMAC reaches packages through Services for Macintosh volumes; without one SMS logs event 391. " +
    "The server half is checked in a job, once its distribution servers are chosen.",
  check({ package: pkg, commandLines, distributionServers }) {
    if (!commandLines.some(({ line }) => line.supportedPlatforms.includes("MACINTOSH"))) return null;
    const problems: string[] = [];
    if (pkg.isSourceOnNtfs === false) problems.push("its source is not on NTFS");
    const lacksMacServer = distributionServers !== null && !distributionServers.some((server) => server.hasServicesForMacintosh);
    if (lacksMacServer) problems.push("no distribution server runs Services for Macintosh");
    const notChecked = pkg.isSourceOnNtfs === null ? "whether the package source is on NTFS is not recorded" : undefined;
    if (problems.length === 0) return notChecked ? { notChecked } : null;
    return {
      notChecked,
      finding: {
        message: `Macintosh packages need an NTFS source and at least one package server running Services for Macintosh (event 391): ${problems.join(" and ")}.`,
        subjects: [packageSubject(pkg.packageId)],
        fix:
          pkg.isSourceOnNtfs === false
            ? { form: "package", field: "sourceDirectory", text: "Move the package source to an NTFS volume." }
            : { form: "job", field: "distributePhase.serverGroupId", text: "Choose a server group that includes a server running Services for Macintosh." },
      },
    };
  },
};
