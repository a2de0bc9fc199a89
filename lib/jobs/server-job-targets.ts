import { SHARE_ACCESS_LABELS, type ShareAccess } from "../packages/schema";
import type { JobType } from "./schema";

/** A server a Share or Remove job acts on: frozen at Send, or resolved from the target before. */
export interface ServerJobServer {
  serverName: string;
  /** Null when the server has since been deleted from the site document. */
  siteCode: string | null;
  /** The package directory on the server, \\SERVER\SMS_PKGD\BPC0000A\ (Q123499). */
  packageDirectory: string;
}

export interface ServerJobPlanInput {
  jobType: Exclude<JobType, "RUN_COMMAND_ON_WORKSTATION">;
  isSendPhase: boolean;
  evenIfPreviouslySent: boolean;
  /** The package's Sharing set (Q185342); null when it has none. */
  sharing: { shareName: string; access: string | null } | null;
}

export interface ServerJobTargetRow extends ServerJobServer {
  send: string;
  distribute: string;
}

/**
 * What a server job's Send and Distribute phases do on each of its servers (digest §2.5): these
 * jobs have no workstation target and no Run phase, so this is their Job Status Details.
 */
export function planServerJobTargets(input: ServerJobPlanInput, servers: readonly ServerJobServer[]): ServerJobTargetRow[] {
  const isShare = input.jobType === "SHARE_PACKAGE_ON_SERVER";
  return servers.map((server) => {
    const site = server.siteCode ? `site ${server.siteCode}` : "the server's site (the server is no longer in the site document)";
    const send = !input.isSendPhase
      ? `No Send phase: uses what ${site} already has`
      : isShare
        ? `Sends the compressed package to ${site}${input.evenIfPreviouslySent ? ", compressed again even if previously sent" : ""}`
        : `Sends the removal to ${site}`;
    const share = input.sharing ? `\\\\${server.serverName}\\${input.sharing.shareName}` : null;
    const access = input.sharing?.access ? `${SHARE_ACCESS_LABELS[input.sharing.access as ShareAccess] ?? input.sharing.access} access` : null;
    const distribute = isShare
      ? share
        ? `Puts the package in ${server.packageDirectory} and shares it as ${share}${access ? ` (${access})` : ""}`
        : `Puts the package in ${server.packageDirectory}; the package has no Sharing set, so the review refuses the job`
      : `Removes the package from ${server.packageDirectory}${share ? ` and its share ${share}` : ""}`;
    return { ...server, send, distribute };
  });
}
