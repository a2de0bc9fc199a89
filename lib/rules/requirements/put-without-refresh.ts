import type { JobRule } from "../rule";
import { serverSubject } from "../subjects";

/** R54 (Q140051): only "Refresh Existing Distribution Servers" refreshes existing copies. */
export const putWithoutRefresh: JobRule = {
  kind: "job",
  code: "R54",
  title: "Refreshing existing distribution servers",
  severity: "warning",
  scope: "server",
  gate: null,
  sources: ["Q140051"],
  why:
    "'Put on Specified Distribution Servers' installs the package where it is missing; servers that already hold it keep their copy. " +
    "Only 'Refresh Existing Distribution Servers' replaces existing copies, and it refreshes every server holding the package, whatever group is chosen.",
  check({ context, definition }) {
    const distribute = definition.distributePhase;
    if (!distribute.putOnSpecifiedServers || distribute.refreshExistingServers) return null;
    const holding = context.package.distributionServerNames;
    if (holding === null) return { notChecked: "the distribution servers that already hold the package are not recorded" };
    const holdingNames = new Set(holding);
    const already = context.distributionServers.filter((server) => holdingNames.has(server.name));
    if (already.length === 0) return null;
    return {
      finding: {
        message: `Only 'Refresh Existing Distribution Servers' refreshes existing copies (and it refreshes all of them): ${already.map((server) => server.name).join(", ")} already hold the package and keep their copy.`,
        subjects: already.map((server) => serverSubject(server.name)),
        fix: { form: "job", field: "distributePhase.refreshExistingServers", value: true, text: "Tick 'Refresh Existing Distribution Servers'." },
      },
    };
  },
};
