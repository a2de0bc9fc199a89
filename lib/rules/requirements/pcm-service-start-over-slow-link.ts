import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";

/** R74 (Q178662): Site Configuration Manager may fail to start the PCM service on servers across slow WAN links. */
export const pcmServiceStartOverSlowLink: TargetRule = {
  kind: "target",
  code: "R74",
  title: "Starting the PCM service across slow WAN links",
  severity: "warning",
  scope: "target",
  gate: { against: "site", versions: ["1.1", "1.2"], beforeServicePack: 4 },
  sources: ["Q178662"],
  why:
    "Site Configuration Manager installs and starts the PCM service on SMS servers. Across a slow WAN link the start times out (event 225, error 2186) on SMS 1.1 and 1.2 before SP4, " +
    "so the service may not be running there when the job arrives.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget: (computer, { context }) => computer.networkLink === "SLOW" && context.servers.has(computer.name),
  message: (count, total) =>
    `${ofTargets(count, total)} are SMS servers across a slow link: Site Configuration Manager may fail to start the PCM service (event 225, error 2186).`,
  fix: () => ({ form: "site", field: "servicePack", text: "Check the PCM service is running on these servers and start it by hand if needed (or update the site to SP4)." }),
};
