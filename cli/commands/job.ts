import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { acknowledgeWarning, sendJob } from "@/lib/data/review/job-review";
import { getJob, listJobs, listJobTargets } from "@/lib/data/jobs/jobs";
import { DomainError } from "@/lib/errors";
import { JOB_STATE_LABELS } from "@/lib/jobs/lifecycle";
import { describeDistributePhase, describeSendPhase } from "@/lib/jobs/phases";
import { isServerJobType, JOB_STATES, JOB_TYPE_LABELS, jobInputSchema, type JobState, type JobType } from "@/lib/jobs/schema";
import { formatIssuePath } from "@/lib/site-document/references";
import { currentWallClock } from "@/lib/wall-clock";
import { UsageError, type Command } from "../command";

const USAGE = `Usage: sms job COMMAND ...

  sms job list [--state STATE]
  sms job show JOBID [--json]
  sms job create --package PACKAGEID --command "COMMAND NAME" TARGET [options]
  sms job create --type share|remove --package PACKAGEID SERVERS [options]
  sms job acknowledge JOBID --rule RULE --reason TEXT
  sms job send JOBID
  sms job cancel JOBID --reason TEXT
  sms job complete JOBID --note REASON   (an override: status MIFs complete jobs)
  sms job fail JOBID --note REASON

TARGET is one of:
  --computers SMSID,SMSID...   a list of computers
  --group NAME                 a machine group
  --path "SITE|DOMAIN|NAME"    a machine path (* for any part)
  --query                      every computer in inventory
  --query-name NAME            the computers a saved query matches at Send (sms query)
SERVERS, for --type share (Share Package On Server) or remove (Remove Package From Server), is one of:
  --server-group NAME          a server group (a machine group holding servers)
  --servers NAME,NAME...       distribution servers by name
Those jobs have Send and Distribute phases only and write no instruction record.
A workstation TARGET is narrowed by --limit-site CODE [--include-subsites], --platform P (repeatable: WIN16, WIN32_X86,
WIN32_MIPS, WIN32_ALPHA, DOS5, DOS6, MACINTOSH, WINDOWS95) and --pcm V (PCMWIN16, PCMWIN32, PCMDOS, PCMMAC).

Options for create (dates are the site server's wall clock, YYYY-MM-DDTHH:MM[:SS]):
  --offer T              Offer After (default: now)
  --mandatory T          Mandatory After (makes the job mandatory)
  --expire T             Expire After
  --site CODE            originating site (default: the package's site)
  --priority P           high, medium (default) or low
  --activate-at T        Schedule: the console's scheduler sends the job at T (its review must pass)
  --repeat R             never (default), daily, weekly or monthly; needs --activate-at
  --comment TEXT
  --server-group NAME    Put on Specified Distribution Servers: this server group
                         (default: Default Servers of the target sites)
  --no-distribute        no Put on Specified Distribution Servers
  --refresh-existing     Refresh Existing Distribution Servers
  --no-send-phase        no Send phase
  --even-if-previously-sent
  --not-mandatory-over-slow-link
  --no-run               no run phase (a distribution-only job)

A new job is Pending. "sms check --job JOBID" shows its requirement review; errors block Send and
every warning needs "sms job acknowledge" with a reason. "sms job send" then resolves and freezes
its targets and servers.`;

const options = {
  type: { type: "string" },
  servers: { type: "string" },
  package: { type: "string" },
  command: { type: "string" },
  computers: { type: "string" },
  group: { type: "string" },
  path: { type: "string" },
  query: { type: "boolean" },
  "query-name": { type: "string" },
  "limit-site": { type: "string" },
  "include-subsites": { type: "boolean" },
  platform: { type: "string", multiple: true },
  pcm: { type: "string", multiple: true },
  offer: { type: "string" },
  mandatory: { type: "string" },
  expire: { type: "string" },
  site: { type: "string" },
  priority: { type: "string" },
  "activate-at": { type: "string" },
  repeat: { type: "string" },
  comment: { type: "string" },
  "server-group": { type: "string" },
  "no-distribute": { type: "boolean" },
  "refresh-existing": { type: "boolean" },
  "no-send-phase": { type: "boolean" },
  "even-if-previously-sent": { type: "boolean" },
  "not-mandatory-over-slow-link": { type: "boolean" },
  "no-run": { type: "boolean" },
  state: { type: "string" },
  json: { type: "boolean" },
  note: { type: "string" },
  rule: { type: "string" },
  reason: { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>["values"];

const CLI_JOB_TYPES: Record<string, JobType> = { run: "RUN_COMMAND_ON_WORKSTATION", share: "SHARE_PACKAGE_ON_SERVER", remove: "REMOVE_PACKAGE_FROM_SERVER" };

/** A Share Package On Server or Remove Package From Server job: servers as the target, Send and Distribute phases only. */
async function buildServerJobInput(values: Values, jobType: JobType, packageId: string, siteCode: string) {
  if (Boolean(values["server-group"]) === Boolean(values.servers)) throw new UsageError(`--type ${values.type} needs exactly one of --server-group NAME or --servers NAME,NAME`);
  const workstationOptions = (["command", "computers", "group", "path", "query", "query-name", "offer", "mandatory", "expire", "limit-site", "platform", "pcm"] as const).filter((name) => values[name] !== undefined);
  if (workstationOptions.length > 0) throw new UsageError(`--type ${values.type} has no run phase or workstation target: drop --${workstationOptions.join(", --")}`);
  const serverGroup = values["server-group"] ? await db.machineGroup.findUnique({ where: { name: values["server-group"] }, select: { id: true } }) : null;
  if (values["server-group"] && !serverGroup) throw new UsageError(`--server-group: server group "${values["server-group"]}" does not exist`);
  return {
    jobType,
    packageId,
    siteCode: values.site ?? siteCode,
    comment: values.comment ?? "",
    priority: values.priority?.toUpperCase() ?? "MEDIUM",
    schedule: { activateAt: values["activate-at"], repeat: values.repeat?.toUpperCase() ?? "NEVER" },
    target: serverGroup ? { kind: "SERVER_GROUP", machineGroupId: serverGroup.id } : { kind: "SERVERS", serverNames: values.servers?.split(",").map((name) => name.trim()).filter(Boolean) ?? [] },
    sendPhase: { isEnabled: !values["no-send-phase"], evenIfPreviouslySent: values["even-if-previously-sent"] ?? false },
    distributePhase: { putOnSpecifiedServers: !values["no-distribute"], refreshExistingServers: values["refresh-existing"] ?? false },
  };
}

async function buildInput(values: Values) {
  if (!values.package) throw new UsageError("create needs --package PACKAGEID");
  const packageId = values.package.toUpperCase();
  const pkg = await db.package.findUnique({ where: { packageId }, select: { siteCode: true } });
  if (!pkg) throw new UsageError(`--package: package ${packageId} does not exist`);
  const jobType = CLI_JOB_TYPES[values.type?.toLowerCase() ?? "run"];
  if (!jobType) throw new UsageError("--type must be run (Run Command On Workstation, the default), share or remove");
  if (jobType !== "RUN_COMMAND_ON_WORKSTATION") return buildServerJobInput(values, jobType, packageId, pkg.siteCode);
  if (values.servers) throw new UsageError("--servers is a target of --type share or remove");
  const kinds = [values.computers && "COMPUTERS", values.group && "MACHINE_GROUP", values.path && "MACHINE_PATH", values.query && "QUERY", values["query-name"] && "QUERY"].filter(Boolean);
  if (kinds.length !== 1) throw new UsageError("create needs exactly one target: --computers, --group, --path, --query or --query-name");
  const savedQuery = values["query-name"] ? await db.inventoryQuery.findUnique({ where: { name: values["query-name"] }, select: { id: true } }) : null;
  if (values["query-name"] && !savedQuery) throw new UsageError(`--query-name: query "${values["query-name"]}" does not exist`);
  const group = values.group ? await db.machineGroup.findUnique({ where: { name: values.group }, select: { id: true } }) : null;
  if (values.group && !group) throw new UsageError(`--group: machine group "${values.group}" does not exist`);
  const serverGroup = values["server-group"] ? await db.machineGroup.findUnique({ where: { name: values["server-group"] }, select: { id: true } }) : null;
  if (values["server-group"] && !serverGroup) throw new UsageError(`--server-group: machine group "${values["server-group"]}" does not exist`);
  const isRun = !values["no-run"];
  let commandLineId: number | undefined;
  if (isRun) {
    if (!values.command) throw new UsageError('create needs --command "COMMAND NAME" (or --no-run)');
    const line = await db.workstationCommandLine.findUnique({ where: { packageId_commandName: { packageId, commandName: values.command } }, select: { id: true } });
    if (!line) throw new UsageError(`--command: package ${packageId} has no command line "${values.command}"`);
    commandLineId = line.id;
  }
  return {
    jobType,
    packageId,
    siteCode: values.site ?? pkg.siteCode,
    comment: values.comment ?? "",
    priority: values.priority?.toUpperCase() ?? "MEDIUM",
    schedule: { activateAt: values["activate-at"], repeat: values.repeat?.toUpperCase() ?? "NEVER" },
    target: {
      kind: kinds[0],
      smsIds: values.computers?.split(",").map((smsId) => smsId.trim()).filter(Boolean) ?? [],
      machineGroupId: group?.id,
      queryId: savedQuery?.id,
      machinePath: values.path,
      limitToSiteCode: values["limit-site"],
      includeSubsites: values["include-subsites"] ?? false,
      platforms: values.platform?.map((platform) => platform.toUpperCase()) ?? [],
      pcmVariants: values.pcm?.map((variant) => variant.toUpperCase()) ?? [],
    },
    sendPhase: { isEnabled: !values["no-send-phase"], evenIfPreviouslySent: values["even-if-previously-sent"] ?? false },
    distributePhase: { putOnSpecifiedServers: !values["no-distribute"], serverGroupId: serverGroup?.id, refreshExistingServers: values["refresh-existing"] ?? false },
    runPhase: {
      isEnabled: isRun,
      commandLineId,
      offerAfter: values.offer ?? currentWallClock(),
      isMandatory: Boolean(values.mandatory),
      mandatoryAfter: values.mandatory,
      notMandatoryOverSlowLink: values["not-mandatory-over-slow-link"] ?? false,
      isExpiring: Boolean(values.expire),
      expireAfter: values.expire,
    },
  };
}

function requireJobId(positionals: string[], verb: string): string {
  const [jobId, ...extra] = positionals;
  if (!jobId || extra.length > 0) throw new UsageError(`job ${verb} needs exactly one JOBID`);
  return jobId.toUpperCase();
}

async function show(jobId: string, asJson: boolean) {
  const job = await getJob(jobId);
  if (!job) throw new DomainError("not_found", `Job ${jobId} does not exist`);
  const targets = await listJobTargets({ jobId, page: 1, pageSize: 10_000_000 });
  if (asJson) {
    console.log(JSON.stringify({ ...job, targets: targets.items.map((target) => target.smsId) }, null, 2));
    return;
  }
  const run = job.definition.runPhase;
  const { target } = job.definition;
  const isServerJob = isServerJobType(job.definition.jobType);
  const serverTarget = target.kind === "SERVER_GROUP" ? `server group ${job.machineGroupName ?? "(deleted)"}` : `servers ${target.serverNames.join(", ")}`;
  const lines = [
    `Job ${job.jobId}: ${JOB_STATE_LABELS[job.state]}`,
    `  Job type:         ${JOB_TYPE_LABELS[job.definition.jobType]}`,
    `  Package:          ${job.packageId} ${job.packageName}`,
    ...(isServerJob ? [`  Servers:          ${serverTarget}${job.storedState === "PENDING" ? "" : ` (sent to ${job.servers.map((server) => server.serverName).join(", ")})`}`] : []),
    `  Send phase:       ${describeSendPhase(job.definition)}`,
    `  Distribute phase: ${describeDistributePhase(job.definition, job.serverGroupName)}`,
    `  Command line:     ${run.isEnabled ? job.commandName : "(no run phase)"}`,
    `  Request ID:       ${job.requestId ?? "(allocated at Send)"}`,
    `  Schedule:         ${job.definition.schedule.activateAt ? `activates at ${job.definition.schedule.activateAt}, repeats ${job.definition.schedule.repeat.toLowerCase()}` : "(sent by hand)"}`,
    ...(job.activationProblem && job.storedState === "PENDING" ? [`  Not activated:    ${job.activationProblem}`] : []),
    `  Offer After:      ${run.offerAfter ?? "-"}`,
    `  Mandatory After:  ${job.mandatoryAfter ?? "-"}`,
    `  Expire After:     ${job.expireAfter ?? "-"}`,
    `  Targets:          ${isServerJob ? "(servers only: no instruction records)" : job.storedState === "PENDING" ? "(resolved at Send)" : targets.total}`,
    "  History:",
    ...job.transitions.map((transition) => `    ${transition.at}  ${transition.fromState ?? "-"} -> ${transition.toState}  ${transition.actor}${transition.note ? `  (${transition.note})` : ""}`),
  ];
  console.log(lines.join("\n"));
}

export const jobCommand: Command = {
  name: "job",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
    switch (verb) {
      case "list": {
        const state = values.state?.toUpperCase();
        if (state && !(JOB_STATES as readonly string[]).includes(state)) throw new UsageError(`--state must be one of ${JOB_STATES.join(", ")}`);
        const jobs = await listJobs({ state: state as JobState | undefined, page: 1 });
        for (const job of jobs.items) console.log(`${job.jobId}  ${JOB_STATE_LABELS[job.state].padEnd(9)}  ${JOB_TYPE_LABELS[job.jobType].padEnd(26)}  ${job.packageId}  ${job.commandName ?? "-"}`);
        if (jobs.total > jobs.items.length) console.log(`(${jobs.total - jobs.items.length} more)`);
        return 0;
      }
      case "show":
        await show(requireJobId(positionals, "show"), values.json ?? false);
        return 0;
      case "create": {
        if (positionals.length > 0) throw new UsageError(`job create takes options only (got "${positionals[0]}")`);
        const parsed = jobInputSchema.safeParse(await buildInput(values));
        if (!parsed.success) {
          throw new DomainError("invalid", "The job is not valid", parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })));
        }
        const jobId = await createJob({ input: parsed.data });
        const { activateAt, repeat } = parsed.data.schedule;
        console.log(
          activateAt
            ? `Created job ${jobId} (Pending). The scheduler sends it at ${activateAt}${repeat === "NEVER" ? "" : `, then ${repeat.toLowerCase()}`}, once its review passes (sms check --job ${jobId}).`
            : `Created job ${jobId} (Pending). Send it with: sms job send ${jobId}`,
        );
        return 0;
      }
      case "acknowledge": {
        const jobId = requireJobId(positionals, "acknowledge");
        if (!values.rule || !values.reason) throw new UsageError("job acknowledge needs --rule RULE and --reason TEXT");
        const rule = values.rule.toUpperCase();
        await acknowledgeWarning({ jobId, rule, reason: values.reason, now: currentWallClock() });
        console.log(`Acknowledged ${rule} on job ${jobId}.`);
        return 0;
      }
      case "send": {
        const jobId = requireJobId(positionals, "send");
        const result = await sendJob({ jobId, now: currentWallClock() });
        console.log(
          result.targetCount === 0 && (await getJob(jobId))?.definition.jobType !== "RUN_COMMAND_ON_WORKSTATION"
            ? `Sent job ${jobId} as request ${result.requestId} to ${result.serverCount} servers (no instruction records).`
            : `Sent job ${jobId} as request ${result.requestId} to ${result.targetCount} targets (${result.serverCount} distribution servers).`,
        );
        return 0;
      }
      case "cancel":
      case "complete":
      case "fail": {
        const jobId = requireJobId(positionals, verb);
        const note = values.reason ?? values.note;
        if (verb === "cancel" && !note) throw new UsageError("job cancel needs --reason TEXT: the job's History shows why it was canceled");
        await changeJobState({ jobId, transition: verb, note });
        console.log(`Job ${jobId} ${verb === "cancel" ? "canceled" : verb === "complete" ? "marked complete" : "marked failed"}.`);
        return 0;
      }
      default:
        throw new UsageError(verb ? `unknown job command "${verb}"; run "sms job --help"` : 'job needs a command; run "sms job --help"');
    }
  },
};
