import { z } from "zod";
import { smsIdSchema } from "../computers/schema";
import { instructionServerSchema } from "../ins/schema";
import { reportDuplicates } from "../machine-groups/schema";
import { packageIdSchema } from "../packages/schema";
import { netbiosNameSchema } from "../servers/schema";
import { PCM_VARIANTS, PLATFORMS } from "../platforms";
import { checkbox, oneOf, optional, text, wholeNumber } from "../schema-fields";
import { siteCodeSchema } from "../sites/schema";
import { JOB_ID_PATTERN, REQUEST_ID_PATTERN } from "../sms-id";
import { JOB_REPEATS } from "./schedule";
import { wallClockSchema } from "../wall-clock";

/** Job Details of a Run Command On Workstation job (digest §2.5). */
export const JOB_STATES = ["PENDING", "ACTIVE", "COMPLETE", "FAILED", "CANCELED"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Job priority as the send request stores it: 1 high, 2 medium, 3 low (Q123221). */
export const JOB_PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

/** Job Properties > Job Type (digest §2.5). System jobs are SMS's own and never made here. */
export const JOB_TYPES = ["RUN_COMMAND_ON_WORKSTATION", "SHARE_PACKAGE_ON_SERVER", "REMOVE_PACKAGE_FROM_SERVER"] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_LABELS: Record<JobType, string> = {
  RUN_COMMAND_ON_WORKSTATION: "Run Command On Workstation",
  SHARE_PACKAGE_ON_SERVER: "Share Package On Server",
  REMOVE_PACKAGE_FROM_SERVER: "Remove Package From Server",
};
/** Share and Remove jobs act on servers: Send and Distribute phases only, no instruction records. */
export const isServerJobType = (jobType: JobType) => jobType !== "RUN_COMMAND_ON_WORKSTATION";

export const WORKSTATION_TARGET_KINDS = ["MACHINE_PATH", "COMPUTERS", "MACHINE_GROUP", "QUERY"] as const;
/** A server job's target: a server group (a machine group holding servers) or servers by name. */
export const SERVER_TARGET_KINDS = ["SERVER_GROUP", "SERVERS"] as const;
export const TARGET_KINDS = [...WORKSTATION_TARGET_KINDS, ...SERVER_TARGET_KINDS] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const isServerTargetKind = (kind: TargetKind) => (SERVER_TARGET_KINDS as readonly string[]).includes(kind);

/** site|domain|computername, each part a name or * (Q161520: pipes, never colons). */
export const MACHINE_PATH_PATTERN = /^[^|\x00-\x1f\x7f]+\|[^|\x00-\x1f\x7f]+\|[^|\x00-\x1f\x7f]+$/;

const targetFields = {
  kind: oneOf("Job target", TARGET_KINDS),
  machinePath: optional(z.string().trim().max(80, { error: "Machine path must be at most 80 characters" })),
  smsIds: z.array(smsIdSchema("Target SMS ID")).default([]),
  serverNames: z
    .array(netbiosNameSchema("Target server"))
    .max(100, { error: "List at most 100 servers" })
    .default([])
    .superRefine((names, context) => reportDuplicates(names, [], "is listed twice", context)),
  limitToSiteCode: optional(siteCodeSchema("Limit To Sites")),
  includeSubsites: checkbox("Include subsites"),
  platforms: z.array(oneOf("Platform filter", PLATFORMS)).default([]),
  pcmVariants: z.array(oneOf("PCM filter", PCM_VARIANTS)).default([]),
};

/** What each kind of target needs; `groupField` names how the machine group is referred to. */
function refineTarget(groupField: "machineGroupId" | "machineGroup") {
  return (target: { kind: TargetKind; machinePath?: string; smsIds: string[]; serverNames: string[] } & Partial<Record<typeof groupField, unknown>>, context: z.RefinementCtx) => {
    if (target.kind === "MACHINE_PATH") {
      if (!target.machinePath) context.addIssue({ code: "custom", path: ["machinePath"], message: "Machine path is required for a machine-path target" });
      else if (!MACHINE_PATH_PATTERN.test(target.machinePath)) {
        context.addIssue({ code: "custom", path: ["machinePath"], message: "Machine path must be site|domain|computername (use * for any)" });
      }
    }
    if (target.kind === "COMPUTERS" && target.smsIds.length === 0) context.addIssue({ code: "custom", path: ["smsIds"], message: "List at least one computer's SMS ID" });
    if (target.kind === "MACHINE_GROUP" && target[groupField] === undefined) context.addIssue({ code: "custom", path: [groupField], message: "Choose a machine group" });
    if (target.kind === "SERVER_GROUP" && target[groupField] === undefined) context.addIssue({ code: "custom", path: [groupField], message: "Choose a server group" });
    if (target.kind === "SERVERS" && target.serverNames.length === 0) context.addIssue({ code: "custom", path: ["serverNames"], message: "List at least one server" });
  };
}

// A QUERY target names a saved query (lib/queries); without one it is every computer in inventory.
const jobTargetSchema = z
  .object({ ...targetFields, machineGroupId: optional(wholeNumber("Machine group", { min: 1, max: 2 ** 31 - 1 })), queryId: optional(wholeNumber("Query", { min: 1, max: 2 ** 31 - 1 })) })
  .superRefine(refineTarget("machineGroupId"));

const runPhaseFields = {
  isEnabled: checkbox("Run Workstation Command"),
  offerAfter: optional(wallClockSchema("Offer After")),
  isMandatory: checkbox("Mandatory After"),
  mandatoryAfter: optional(wallClockSchema("Mandatory After")),
  notMandatoryOverSlowLink: checkbox("Not Mandatory over Slow Link"),
  isExpiring: checkbox("Expire After"),
  expireAfter: optional(wallClockSchema("Expire After")),
};

/** Hard errors only: a command line when the run phase is on, a date when its box is ticked. */
function refineRunPhase(commandField: "commandLineId" | "commandName") {
  return (run: { isEnabled: boolean; offerAfter?: string; isMandatory: boolean; mandatoryAfter?: string; isExpiring: boolean; expireAfter?: string } & Partial<Record<typeof commandField, unknown>>, context: z.RefinementCtx) => {
    if (!run.isEnabled) return;
    if (run[commandField] === undefined) context.addIssue({ code: "custom", path: [commandField], message: "Choose the workstation command line to run" });
    if (!run.offerAfter) context.addIssue({ code: "custom", path: ["offerAfter"], message: "Offer After is required when the run phase is on" });
    if (run.isMandatory && !run.mandatoryAfter) context.addIssue({ code: "custom", path: ["mandatoryAfter"], message: "Mandatory After needs a date when its box is ticked" });
    if (run.isExpiring && !run.expireAfter) context.addIssue({ code: "custom", path: ["expireAfter"], message: "Expire After needs a date when its box is ticked" });
  };
}

const runPhaseSchema = z
  .object({ ...runPhaseFields, commandLineId: optional(wholeNumber("Workstation command line", { min: 1, max: 2 ** 31 - 1 })) })
  .superRefine(refineRunPhase("commandLineId"));

const sendPhaseSchema = z.object({ isEnabled: checkbox("Send phase"), evenIfPreviouslySent: checkbox("Even if previously sent") });

/** Job Properties > Schedule: when the console's scheduler sends the job, and how often it repeats. */
export const jobScheduleSchema = z
  .object({
    activateAt: optional(wallClockSchema("Activation time")),
    repeat: oneOf("Repeat", JOB_REPEATS).default("NEVER"),
  })
  .superRefine((schedule, context) => {
    if (schedule.repeat !== "NEVER" && !schedule.activateAt) context.addIssue({ code: "custom", path: ["activateAt"], message: "A repeated job needs an activation time" });
  });
export type JobSchedule = z.infer<typeof jobScheduleSchema>;

const jobFields = {
  jobType: oneOf("Job type", JOB_TYPES).default("RUN_COMMAND_ON_WORKSTATION"),
  packageId: packageIdSchema(),
  siteCode: siteCodeSchema("Originating site"),
  comment: text("Job comment", 255),
  priority: oneOf("Priority", JOB_PRIORITIES).default("MEDIUM"),
  schedule: jobScheduleSchema.default({ repeat: "NEVER" }),
  sendPhase: sendPhaseSchema,
};

/**
 * A job type's target and phases: server jobs target servers and have no Run phase;
 * Run Command On Workstation jobs target computers.
 */
function refineJobType(job: { jobType: JobType; target: { kind: TargetKind }; runPhase: { isEnabled: boolean } }, context: z.RefinementCtx) {
  const label = JOB_TYPE_LABELS[job.jobType];
  if (isServerJobType(job.jobType)) {
    if (!isServerTargetKind(job.target.kind)) context.addIssue({ code: "custom", path: ["target", "kind"], message: `A ${label} job targets a server group or servers` });
    if (job.runPhase.isEnabled) context.addIssue({ code: "custom", path: ["runPhase", "isEnabled"], message: `A ${label} job has Send and Distribute phases only; clear Run Workstation Command` });
  } else if (isServerTargetKind(job.target.kind)) {
    context.addIssue({ code: "custom", path: ["target", "kind"], message: `A ${label} job targets computers; choose a machine path, computers, a machine group or a query` });
  }
}

export const jobInputSchema = z.object({
  ...jobFields,
  target: jobTargetSchema,
  distributePhase: z.object({
    putOnSpecifiedServers: checkbox("Put on Specified Distribution Servers"),
    // Absent means SMS's "Default Servers": every distribution server of the target sites.
    serverGroupId: optional(wholeNumber("Server group", { min: 1, max: 2 ** 31 - 1 })),
    refreshExistingServers: checkbox("Refresh Existing Distribution Servers"),
  }),
  // Share and Remove jobs have no Run phase: their form and the CLI leave it out.
  runPhase: runPhaseSchema.default({ isEnabled: false, isMandatory: false, notMandatoryOverSlowLink: false, isExpiring: false }),
}).superRefine(refineJobType);

/**
 * A job as the site document carries it: machine groups and command lines by name (IDs belong to
 * one database), with its state, request ID, frozen targets and servers, and its history.
 */
export const documentJobSchema = z.object({
  jobId: z.string().trim().toUpperCase().regex(JOB_ID_PATTERN, { error: "Job ID must be 8 characters, A-Z or 0-9, e.g. BPC000AA" }),
  ...jobFields,
  state: oneOf("Job state", JOB_STATES),
  requestId: optional(z.string().trim().toUpperCase().regex(REQUEST_ID_PATTERN, { error: "Request ID must be 7 characters, A-Z or 0-9, e.g. BPC001M" })),
  target: z
    .object({ ...targetFields, machineGroup: optional(text("Machine group", 50).pipe(z.string().min(1))), query: optional(text("Query", 50).pipe(z.string().min(1))) })
    .superRefine(refineTarget("machineGroup")),
  distributePhase: z.object({
    putOnSpecifiedServers: checkbox("Put on Specified Distribution Servers"),
    serverGroup: optional(text("Server group", 50).pipe(z.string().min(1))),
    refreshExistingServers: checkbox("Refresh Existing Distribution Servers"),
  }),
  runPhase: z.object({ ...runPhaseFields, commandName: optional(text("Command name", 100).pipe(z.string().min(1))) }).superRefine(refineRunPhase("commandName")),
  frozenTargets: z
    .array(smsIdSchema("Frozen target"))
    .default([])
    .superRefine((smsIds, context) => reportDuplicates(smsIds, [], "is listed twice", context)),
  // The servers go into clients' records as they are: the instruction file's own rules apply.
  frozenServers: z.array(z.object({ serverName: text("Server name", 15), path: instructionServerSchema.shape.path, serverType: wholeNumber("Server type", { min: 1, max: 7 }), zone: instructionServerSchema.shape.zone })).default([]),
  history: z
    .array(
      z.object({
        fromState: optional(oneOf("From state", JOB_STATES)),
        toState: oneOf("To state", JOB_STATES),
        actor: text("Actor", 200),
        at: z.iso.datetime({ error: "History time must be an ISO 8601 instant" }),
        note: text("Note", 500),
      }),
    )
    .default([]),
}).superRefine(refineJobType);

export type JobInput = z.infer<typeof jobInputSchema>;
export type JobTarget = JobInput["target"];
export type JobRunPhase = JobInput["runPhase"];
export type DocumentJob = z.infer<typeof documentJobSchema>;
