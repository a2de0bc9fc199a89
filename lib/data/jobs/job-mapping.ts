import "server-only";
import type { JobInput, JobPriority, JobState, JobType, TargetKind } from "../../jobs/schema";
import type { JobRepeat } from "../../jobs/schedule";
import { PCM_VARIANTS, parsePlatformList, formatPlatformList, type PcmVariant } from "../../platforms";

/** The Job columns that hold a job's definition (Job Details), as written from a JobInput. */
export function jobDefinitionData(input: JobInput) {
  const { target, sendPhase, distributePhase, runPhase, schedule } = input;
  return {
    jobType: input.jobType,
    packageId: input.packageId,
    comment: input.comment,
    priority: input.priority,
    activateAt: schedule.activateAt ?? null,
    repeat: schedule.activateAt ? schedule.repeat : "NEVER",
    targetKind: target.kind,
    targetMachinePath: target.kind === "MACHINE_PATH" ? (target.machinePath ?? null) : null,
    targetSmsIds: target.kind === "COMPUTERS" ? target.smsIds.join(",") : "",
    targetMachineGroupId: target.kind === "MACHINE_GROUP" || target.kind === "SERVER_GROUP" ? (target.machineGroupId ?? null) : null,
    targetQueryId: target.kind === "QUERY" ? (target.queryId ?? null) : null,
    targetServerNames: target.kind === "SERVERS" ? target.serverNames.join(",") : "",
    limitToSiteCode: target.limitToSiteCode ?? null,
    includeSubsites: target.includeSubsites,
    targetPlatforms: formatPlatformList(target.platforms),
    targetPcmVariants: PCM_VARIANTS.filter((variant) => target.pcmVariants.includes(variant)).join(","),
    isSendPhase: sendPhase.isEnabled,
    sendEvenIfPreviouslySent: sendPhase.evenIfPreviouslySent,
    putOnSpecifiedServers: distributePhase.putOnSpecifiedServers,
    serverGroupId: distributePhase.putOnSpecifiedServers ? (distributePhase.serverGroupId ?? null) : null,
    refreshExistingServers: distributePhase.refreshExistingServers,
    isRunPhase: runPhase.isEnabled,
    commandLineId: runPhase.isEnabled ? (runPhase.commandLineId ?? null) : null,
    offerAfter: runPhase.isEnabled ? (runPhase.offerAfter ?? null) : null,
    isMandatory: runPhase.isEnabled && runPhase.isMandatory,
    mandatoryAfter: runPhase.isEnabled && runPhase.isMandatory ? (runPhase.mandatoryAfter ?? null) : null,
    notMandatoryOverSlowLink: runPhase.isEnabled && runPhase.notMandatoryOverSlowLink,
    isExpiring: runPhase.isEnabled && runPhase.isExpiring,
    expireAfter: runPhase.isEnabled && runPhase.isExpiring ? (runPhase.expireAfter ?? null) : null,
  };
}

/** A stored row's definition columns: enumerations come back from the database as plain strings. */
export type JobDefinitionRow = Omit<ReturnType<typeof jobDefinitionData>, "jobType" | "priority" | "targetKind" | "repeat"> & { siteCode: string; jobType: string; priority: string; targetKind: string; repeat: string };

const splitList = (value: string) => value.split(",").filter(Boolean);

/** A stored job back as the JobInput that defines it (forms, review, site document). */
export function jobInputOf(row: JobDefinitionRow): JobInput {
  return {
    jobType: row.jobType as JobType,
    packageId: row.packageId,
    siteCode: row.siteCode,
    comment: row.comment,
    priority: row.priority as JobPriority,
    schedule: { activateAt: row.activateAt ?? undefined, repeat: row.repeat as JobRepeat },
    target: {
      kind: row.targetKind as TargetKind,
      machinePath: row.targetMachinePath ?? undefined,
      smsIds: splitList(row.targetSmsIds),
      serverNames: splitList(row.targetServerNames),
      machineGroupId: row.targetMachineGroupId ?? undefined,
      queryId: row.targetQueryId ?? undefined,
      limitToSiteCode: row.limitToSiteCode ?? undefined,
      includeSubsites: row.includeSubsites,
      platforms: parsePlatformList(row.targetPlatforms),
      pcmVariants: splitList(row.targetPcmVariants) as PcmVariant[],
    },
    sendPhase: { isEnabled: row.isSendPhase, evenIfPreviouslySent: row.sendEvenIfPreviouslySent },
    distributePhase: {
      putOnSpecifiedServers: row.putOnSpecifiedServers,
      serverGroupId: row.serverGroupId ?? undefined,
      refreshExistingServers: row.refreshExistingServers,
    },
    runPhase: {
      isEnabled: row.isRunPhase,
      commandLineId: row.commandLineId ?? undefined,
      offerAfter: row.offerAfter ?? undefined,
      isMandatory: row.isMandatory,
      mandatoryAfter: row.mandatoryAfter ?? undefined,
      notMandatoryOverSlowLink: row.notMandatoryOverSlowLink,
      isExpiring: row.isExpiring,
      expireAfter: row.expireAfter ?? undefined,
    },
  };
}

export const asJobState = (state: string) => state as JobState;
