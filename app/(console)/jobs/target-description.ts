import type { JobDetail } from "@/lib/data/jobs/jobs";
import { PCM_VARIANT_LABELS, PLATFORM_LABELS } from "@/lib/platforms";

/** "Machine group BPC NT Workstations, limited to BPC and subsites, Windows NT (x86) only". */
export function describeTarget(job: Pick<JobDetail, "definition" | "machineGroupName" | "query">): string {
  const { target } = job.definition;
  const base =
    target.kind === "MACHINE_PATH"
      ? `Machine path ${target.machinePath}`
      : target.kind === "COMPUTERS"
        ? `${target.smsIds.length} listed computer${target.smsIds.length === 1 ? "" : "s"} (${target.smsIds.slice(0, 3).join(", ")}${target.smsIds.length > 3 ? ", …" : ""})`
        : target.kind === "MACHINE_GROUP"
          ? `Machine group ${job.machineGroupName ?? "(deleted)"}`
          : target.kind === "SERVER_GROUP"
            ? `Server group ${job.machineGroupName ?? "(deleted)"}`
            : target.kind === "SERVERS"
              ? `${target.serverNames.length} listed server${target.serverNames.length === 1 ? "" : "s"} (${target.serverNames.join(", ")})`
              : target.queryId !== undefined
                ? `Query ${job.query?.name ?? "(deleted)"}${job.query ? ` (${job.query.description})` : ""}`
                : "Every computer in inventory";
  const limits = [
    target.limitToSiteCode ? `limited to ${target.limitToSiteCode}${target.includeSubsites ? " and subsites" : ""}` : null,
    target.platforms.length ? `${target.platforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")} only` : null,
    target.pcmVariants.length ? `${target.pcmVariants.map((variant) => PCM_VARIANT_LABELS[variant]).join(", ")} only` : null,
  ].filter(Boolean);
  return [base, ...limits].join(", ");
}
