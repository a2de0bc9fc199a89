import type { JobRule } from "../rule";
import { plural, serverSubject } from "../subjects";

/** R57 (Q199994): a removed distribution server survives in Transfer Packages\W_<package ID>. */
export const removedDistributionServer: JobRule = {
  kind: "job",
  code: "R57",
  title: "Removed distribution servers",
  severity: "warning",
  scope: "server",
  gate: null,
  sources: ["Q199994"],
  why:
    "The despooler keeps a subkey per distribution server under SMS_Despooler\\Transfer Packages\\W_<package ID> and writes every server listed there into new instruction files, " +
    "including servers removed from the hierarchy, until the subkey is deleted. Clients then try to connect to a server that is gone.",
  check({ context }) {
    const removed = context.distributionServers.filter((server) => server.isRemovedFromHierarchy === true);
    const unknownCount = context.distributionServers.filter((server) => server.isRemovedFromHierarchy === null).length;
    const notChecked = unknownCount > 0 ? `whether the server was removed from the hierarchy is not recorded for ${plural(unknownCount, "distribution server")}` : undefined;
    if (removed.length === 0) return notChecked ? { notChecked } : null;
    return {
      notChecked,
      finding: {
        message: `Clients' instruction files will list a removed distribution server: ${removed.map((server) => server.name).join(", ")}.`,
        subjects: removed.map((server) => serverSubject(server.name)),
        fix: { form: "server", field: "isRemovedFromHierarchy", text: "Delete the server's subkey under SMS_Despooler\\Transfer Packages\\W_<package ID> on the site server, then record it." },
      },
    };
  },
};
