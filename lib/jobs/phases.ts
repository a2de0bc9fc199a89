import type { JobInput } from "./schema";

/** SMS's name for the Distribute phase's built-in choice (Q140051, Q235157). */
export const DEFAULT_SERVERS_LABEL = "Default Servers";
export const DEFAULT_SERVERS_TEXT = `${DEFAULT_SERVERS_LABEL} (every distribution server of the target sites)`;

/** The Send phase as Job Details set it: "Send phase: even if previously sent". */
export function describeSendPhase(definition: Pick<JobInput, "sendPhase">): string {
  const { isEnabled, evenIfPreviouslySent } = definition.sendPhase;
  if (!isEnabled) return "None (the package must already be at the target sites)";
  return evenIfPreviouslySent ? "Send the package to the target sites, even if previously sent" : "Send the package to the target sites";
}

/**
 * The Distribute phase as Job Details set it. A workstation job with no server group puts the
 * package on SMS's "Default Servers"; a Share or Remove job acts on its target servers.
 */
export function describeDistributePhase(definition: Pick<JobInput, "jobType" | "distributePhase">, serverGroupName: string | null): string {
  if (definition.jobType === "SHARE_PACKAGE_ON_SERVER") return "Put the package on the target servers and share it";
  if (definition.jobType === "REMOVE_PACKAGE_FROM_SERVER") return "Remove the package from the target servers";
  const { putOnSpecifiedServers, serverGroupId, refreshExistingServers } = definition.distributePhase;
  const parts = [
    putOnSpecifiedServers ? `Put on Specified Distribution Servers: ${serverGroupId === undefined ? DEFAULT_SERVERS_TEXT : `server group ${serverGroupName ?? "(deleted)"}`}` : null,
    refreshExistingServers ? "Refresh Existing Distribution Servers" : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "None (the servers already holding the package are listed)";
}
