import type { JobPriority, JobType, TargetKind } from "../jobs/schema";
import type { Platform } from "../platforms";
import { addDays } from "../wall-clock";

/** A demo job by names (the database allocates IDs), and how far along its lifecycle it goes. */
export interface DemoJob {
  packageId: string;
  commandName: string;
  comment: string;
  priority: JobPriority;
  target: { kind: TargetKind; machineGroup?: string; smsIds?: string[]; limitToSiteCode?: string; includeSubsites?: boolean; platforms?: Platform[] };
  offerAfter: string;
  mandatoryAfter?: string;
  expireAfter?: string;
  lifecycle: "pending" | "sent" | "canceled";
}

/**
 * Jobs for the demo, dated around `now` so the dashboard has something due this week: one
 * turning mandatory in three days, one expiring in five, one already mandatory, one pending.
 */
export function buildDemoJobs(now: string): DemoJob[] {
  const at = (days: number) => addDays(now, days).slice(0, 14) + "00:00";
  return [
    {
      packageId: "BPC0000A",
      commandName: "Complete",
      comment: "Office 4.3 for the NT workstations",
      priority: "MEDIUM",
      target: { kind: "MACHINE_GROUP", machineGroup: "BPC NT Workstations" },
      offerAfter: at(-2),
      expireAfter: at(30),
      lifecycle: "sent",
    },
    {
      packageId: "BPC00020",
      commandName: "Unattended update (PCM service)",
      comment: "NT 4.0 SP3 through the PCM service, overnight",
      priority: "HIGH",
      target: { kind: "QUERY", limitToSiteCode: "BPC", includeSubsites: true, platforms: ["WIN32_X86"] },
      offerAfter: at(-1),
      mandatoryAfter: at(3),
      expireAfter: at(21),
      lifecycle: "sent",
    },
    {
      packageId: "BPC00010",
      commandName: "Install Flight Simulator on your system",
      comment: "Macintosh only",
      priority: "LOW",
      target: { kind: "MACHINE_GROUP", machineGroup: "Macintosh Design" },
      offerAfter: at(-10),
      expireAfter: at(5),
      lifecycle: "sent",
    },
    {
      packageId: "BPC00012",
      commandName: "Patch of NW Redirector",
      comment: "Redirector patch, mandatory",
      priority: "HIGH",
      target: { kind: "COMPUTERS", smsIds: ["MDM00005", "BPC01001"] },
      offerAfter: at(-7),
      mandatoryAfter: at(-1),
      lifecycle: "sent",
    },
    {
      packageId: "GBL00015",
      commandName: "Find Microsoft Software",
      comment: "Software audit for the whole hierarchy",
      priority: "MEDIUM",
      target: { kind: "QUERY", limitToSiteCode: "GBL", includeSubsites: true },
      offerAfter: at(1),
      expireAfter: at(60),
      lifecycle: "pending",
    },
    {
      packageId: "BPC0000A",
      commandName: "Typical",
      comment: "Typical install sent to the NT workstations by mistake; canceled",
      priority: "LOW",
      target: { kind: "MACHINE_GROUP", machineGroup: "BPC NT Workstations" },
      offerAfter: at(-5),
      lifecycle: "canceled",
    },
  ];
}

/** A demo Share Package On Server or Remove Package From Server job: a package and a server group. */
export interface DemoServerJob {
  jobType: Exclude<JobType, "RUN_COMMAND_ON_WORKSTATION">;
  packageId: string;
  serverGroup: string;
  comment: string;
  lifecycle: "pending" | "sent";
}

/** Office 95 (from OFF95STD.PDF) shared on BPC's distribution servers, as its Sharing set describes. */
export function buildDemoServerJobs(): DemoServerJob[] {
  return [{ jobType: "SHARE_PACKAGE_ON_SERVER", packageId: "BPC00021", serverGroup: "BPC Distribution Servers", comment: "Share Office 95 on BPC's distribution servers", lifecycle: "sent" }];
}
