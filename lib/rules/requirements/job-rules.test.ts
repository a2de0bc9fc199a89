import { describe, expect, it } from "vitest";
import { expectRuleCases, type RuleCase } from "../expect-rule-cases";
import { reviewJob, SERVER_JOB_RULES } from "../review-job";
import type { ReviewContext, ReviewOtherJob } from "../context";
import { computerFixture, reviewContext, serverFixture, siteFixture } from "../test-context";

const fatServer = serverFixture({ name: "FATSRV", fileSystem: "FAT" });
const childSites = [siteFixture({ code: "CH1", parentCode: "BPC" }), siteFixture({ code: "CH2", parentCode: "BPC" })];
const sendOnly = { distributePhase: { putOnSpecifiedServers: false, refreshExistingServers: false }, runPhase: { isEnabled: false } };
const expiring = (expireAfter: string, offerAfter = "1998-03-02T18:00:00") => ({
  runPhase: { isExpiring: true, expireAfter, offerAfter, isMandatory: false, mandatoryAfter: undefined },
});
const restartingAt = (mandatoryAfter: string) => ({ commandLine: { restartsComputer: true, isSynchronousSystemExitRequired: true }, job: { runPhase: { mandatoryAfter } } });
const machinePath = (path: string) => ({ target: { kind: "MACHINE_PATH" as const, machinePath: path } });
const macintosh = (smsId: string, name: string) => computerFixture({ smsId, name, platform: "MACINTOSH", pcmVariant: "PCMMAC", ntRole: null, ntDomain: null });
const sharing = (count: number) => Array.from({ length: count }, (_, index) => computerFixture({ smsId: `BPC${String(index).padStart(5, "0")}` }));

const otherJob = (changes: Partial<ReviewOtherJob> = {}): ReviewOtherJob => ({
  jobId: "BPC000AB",
  siteCode: "BPC",
  sentAt: "1998-03-01T10:00:00.000Z",
  mandatoryAfter: "1998-03-03T06:00:00",
  expireAfter: null,
  targetCount: 2,
  sharedTargetSmsIds: ["BPC00001"],
  ...changes,
});
const sentBefore = (context: ReviewContext, sentAt: string): ReviewContext => ({ ...context, job: { ...context.job, state: "ACTIVE", sentAt } });
const bigNight = (changes: Partial<ReviewOtherJob> = {}) => [otherJob({ jobId: "BPC000AC", targetCount: 9_998, sharedTargetSmsIds: [], mandatoryAfter: "1998-03-03T01:00:00", ...changes })];

/** A Share Package On Server job for a server group: no run phase, no client targets. */
const shareJob = { jobType: "SHARE_PACKAGE_ON_SERVER", target: { kind: "SERVER_GROUP", machineGroupId: 1 }, runPhase: { isEnabled: false } } as const;

const cases: RuleCase[] = [
  { rule: "R42", expected: "fires", name: "a job sent earlier becomes mandatory later, same client, SP3", context: reviewContext({ otherJobs: [otherJob()] }) },
  { rule: "R42", expected: "fires", name: "this job sent first, the other mandatory earlier", context: sentBefore(reviewContext({ jobState: "ACTIVE", otherJobs: [otherJob({ sentAt: "1998-03-02T10:00:00.000Z", mandatoryAfter: "1998-03-02T22:00:00" })] }), "1998-03-01T09:00:00.000Z") },
  { rule: "R42", expected: "passes", name: "sent in Mandatory After order", context: reviewContext({ otherJobs: [otherJob({ mandatoryAfter: "1998-03-02T22:00:00" })] }) },
  { rule: "R42", expected: "passes", name: "the other job expires before this one is mandatory", context: reviewContext({ otherJobs: [otherJob({ expireAfter: "1998-03-03T01:00:00" })] }) },
  { rule: "R42", expected: "passes", name: "no shared client", context: reviewContext({ otherJobs: [otherJob({ sharedTargetSmsIds: [] })] }) },
  { rule: "R42", expected: "passes", name: "SP4 clients run them in Mandatory After order", context: reviewContext({ target: { smsClientServicePack: 4 }, otherJobs: [otherJob()] }) },
  { rule: "R42", expected: "notChecked", name: "other jobs not loaded", context: reviewContext({ otherJobs: null }) },
  { rule: "R53", expected: "fires", name: "10,000 status MIFs due the same night at a central site", context: reviewContext({ otherSites: childSites, otherJobs: bigNight() }) },
  { rule: "R53", expected: "passes", name: "the big job is 13 hours apart", context: reviewContext({ otherSites: childSites, otherJobs: bigNight({ mandatoryAfter: "1998-03-03T15:00:00" }) }) },
  { rule: "R53", expected: "passes", name: "one short of ten thousand", context: reviewContext({ otherSites: childSites, otherJobs: bigNight({ targetCount: 9_997 }) }) },
  { rule: "R53", expected: "passes", name: "a site without child sites", context: reviewContext({ otherJobs: bigNight() }) },
  { rule: "R53", expected: "passes", name: "the big job originates at another site", context: reviewContext({ otherSites: childSites, otherJobs: bigNight({ siteCode: "CH1" }) }) },
  { rule: "R53", expected: "notChecked", name: "other jobs not loaded at a central site", context: reviewContext({ otherSites: childSites, otherJobs: null }) },
  { rule: "R20", expected: "fires", name: "long file names and a FAT server", context: reviewContext({ package: { hasLongFileNames: true }, distributionServers: [serverFixture(), fatServer] }) },
  { rule: "R20", expected: "passes", name: "long file names, NTFS servers only", context: reviewContext({ package: { hasLongFileNames: true } }) },
  { rule: "R20", expected: "notChecked", name: "long file names not recorded, FAT server", context: reviewContext({ package: { hasLongFileNames: null }, distributionServers: [fatServer] }) },
  { rule: "R22", expected: "fires", name: "changed source, reuse compressed copy", context: reviewContext({ package: { hasSourceChangedSinceLastSend: true } }) },
  { rule: "R22", expected: "passes", name: "changed source, even if previously sent", context: reviewContext({ package: { hasSourceChangedSinceLastSend: true }, job: { sendPhase: { evenIfPreviouslySent: true } } }) },
  { rule: "R22", expected: "notChecked", name: "source change not recorded", context: reviewContext({ package: { hasSourceChangedSinceLastSend: null } }) },
  { rule: "R31", expected: "fires", name: "run phase off", context: reviewContext({ job: { runPhase: { isEnabled: false } } }) },
  { rule: "R31", expected: "fires", name: "no command line", context: reviewContext({ commandLine: null }) },
  { rule: "R31", expected: "passes", name: "run phase with a command line", context: reviewContext() },
  { rule: "R32", expected: "fires", name: "send only at an SP3 site", context: reviewContext({ job: sendOnly }) },
  { rule: "R32", expected: "passes", name: "send only at an SP4 site", context: reviewContext({ job: sendOnly, site: { servicePack: 4 } }) },
  { rule: "R33", expected: "fires", name: "mandatory without a date", context: reviewContext({ job: { runPhase: { mandatoryAfter: undefined } } }) },
  { rule: "R33", expected: "passes", name: "mandatory with a date", context: reviewContext() },
  { rule: "R34", expected: "fires", name: "offer one second after mandatory", context: reviewContext({ job: { runPhase: { offerAfter: "1998-03-03T02:00:01" } } }) },
  { rule: "R34", expected: "passes", name: "offer equal to mandatory", context: reviewContext({ job: { runPhase: { offerAfter: "1998-03-03T02:00:00" } } }) },
  { rule: "R34", expected: "fires", name: "mandatory equal to expire", context: reviewContext({ job: { runPhase: { isExpiring: true, expireAfter: "1998-03-03T02:00:00" } } }) },
  { rule: "R34", expected: "passes", name: "expire one second after mandatory", context: reviewContext({ job: { runPhase: { isExpiring: true, expireAfter: "1998-03-03T02:00:01" } } }) },
  { rule: "R35", expected: "fires", name: "expires now", context: reviewContext({ job: expiring("1998-03-02T09:00:00", "1998-03-01T09:00:00") }) },
  { rule: "R35", expected: "fires", name: "offered 19:59 minutes", context: reviewContext({ job: expiring("1998-03-02T18:19:59") }) },
  { rule: "R35", expected: "passes", name: "offered exactly one polling interval", context: reviewContext({ job: expiring("1998-03-02T18:20:00") }) },
  { rule: "R38", expected: "fires", name: "expiry at an SMS 1.1 site", context: reviewContext({ job: expiring("1998-04-01T00:00:00"), site: { smsVersion: "1.1", servicePack: 0 } }) },
  { rule: "R38", expected: "passes", name: "expiry at an SMS 1.2 site", context: reviewContext({ job: expiring("1998-04-01T00:00:00") }) },
  { rule: "R41", expected: "fires", name: "restart Tuesday 10:00", context: reviewContext(restartingAt("1998-03-03T10:00:00")) },
  { rule: "R41", expected: "passes", name: "restart Tuesday 18:00, when business hours end", context: reviewContext(restartingAt("1998-03-03T18:00:00")) },
  { rule: "R41", expected: "passes", name: "restart Saturday 10:00", context: reviewContext(restartingAt("1998-03-07T10:00:00")) },
  { rule: "R41", expected: "fires", name: "NTENCAP warns 299 seconds ahead", context: reviewContext({ ...restartingAt("1998-03-03T02:00:00"), commandLine: { restartsComputer: true, isSynchronousSystemExitRequired: true, commandLine: "ntencap.exe /NTz:299 setup.exe" } }) },
  { rule: "R41", expected: "passes", name: "NTENCAP warns 300 seconds ahead", context: reviewContext({ ...restartingAt("1998-03-03T02:00:00"), commandLine: { restartsComputer: true, isSynchronousSystemExitRequired: true, commandLine: "ntencap.exe /NTz:300 setup.exe" } }) },
  { rule: "R41", expected: "notChecked", name: "business hours not recorded", context: reviewContext({ ...restartingAt("1998-03-03T10:00:00"), site: { businessHours: null } }) },
  { rule: "R43", expected: "fires", name: "Not Mandatory over Slow Link ticked", context: reviewContext({ job: { runPhase: { notMandatoryOverSlowLink: true } } }) },
  { rule: "R43", expected: "passes", name: "Not Mandatory over Slow Link clear", context: reviewContext() },
  { rule: "R46", expected: "fires", name: "expires 2037-01-01", context: reviewContext({ job: { runPhase: { isExpiring: true, expireAfter: "2037-01-01T00:00:00" } } }) },
  { rule: "R46", expected: "passes", name: "expires 2036-12-31 23:59:59", context: reviewContext({ job: { runPhase: { isExpiring: true, expireAfter: "2036-12-31T23:59:59" } } }) },
  { rule: "R47", expected: "fires", name: "colon-separated machine path", context: reviewContext({ job: machinePath("BPC:CORP:*") }) },
  { rule: "R47", expected: "passes", name: "pipe-separated machine path", context: reviewContext({ job: machinePath("BPC|CORP|*") }) },
  { rule: "R48", expected: "fires", name: "no targets", context: reviewContext({ targets: [] }) },
  { rule: "R48", expected: "passes", name: "two targets", context: reviewContext() },
  { rule: "R49", expected: "fires", name: "whole domain with a Windows 3.1 client", context: reviewContext({ job: machinePath("BPC|CORP|*"), targets: [computerFixture(), computerFixture({ smsId: "BPC00002", platform: "WIN16", pcmVariant: "PCMWIN16" })] }) },
  { rule: "R49", expected: "passes", name: "whole domain of supported clients", context: reviewContext({ job: machinePath("BPC|CORP|*") }) },
  { rule: "R49", expected: "passes", name: "listed computers with a Windows 3.1 client", context: reviewContext({ targets: [computerFixture({ platform: "WIN16", pcmVariant: "PCMWIN16" })] }) },
  { rule: "R50", expected: "fires", name: "two Macintosh computers named ART", context: reviewContext({ job: machinePath("BPC|CORP|ART"), targets: [macintosh("BPC00001", "Design@ART"), macintosh("BPC00002", "Print@ART")] }) },
  { rule: "R50", expected: "passes", name: "Macintosh computers with different names", context: reviewContext({ job: machinePath("BPC|CORP|*"), targets: [macintosh("BPC00001", "Design@ART"), macintosh("BPC00002", "Print@PRESS")] }) },
  { rule: "R51", expected: "fires", name: "targets at two child sites", context: reviewContext({ otherSites: childSites, targets: [computerFixture({ siteCode: "CH1" }), computerFixture({ smsId: "BPC00002", siteCode: "CH2" })] }) },
  { rule: "R51", expected: "passes", name: "targets at the site and one child", context: reviewContext({ otherSites: childSites, targets: [computerFixture(), computerFixture({ smsId: "BPC00002", siteCode: "CH1" })] }) },
  { rule: "R54", expected: "fires", name: "put on a server that holds the package", context: reviewContext({ package: { distributionServerNames: ["CNS-SMS"] } }) },
  { rule: "R54", expected: "passes", name: "put and refresh", context: reviewContext({ package: { distributionServerNames: ["CNS-SMS"] }, job: { distributePhase: { refreshExistingServers: true } } }) },
  { rule: "R54", expected: "notChecked", name: "servers holding the package not recorded", context: reviewContext({ package: { distributionServerNames: null } }) },
  { rule: "R55", expected: "fires", name: "a share job for a package shared as ADMIN$", context: reviewContext({ package: { shareName: "ADMIN$" }, job: shareJob }) },
  { rule: "R55", expected: "fires", name: "a share job for a package shared as D$", context: reviewContext({ package: { shareName: "d$" }, job: shareJob }) },
  { rule: "R55", expected: "passes", name: "a share job for a package shared as OFF95", context: reviewContext({ package: { shareName: "OFF95" }, job: shareJob }) },
  { rule: "R55", expected: "passes", name: "a workstation job for a package shared as C$", context: reviewContext({ package: { shareName: "C$" } }) },
  { rule: "R57", expected: "fires", name: "a removed distribution server", context: reviewContext({ server: { isRemovedFromHierarchy: true } }) },
  { rule: "R57", expected: "passes", name: "current distribution servers", context: reviewContext() },
  { rule: "R57", expected: "notChecked", name: "removal not recorded", context: reviewContext({ server: { isRemovedFromHierarchy: null } }) },
  { rule: "R65", expected: "fires", name: "polling every 19 minutes", context: reviewContext({ site: { pcmPollingIntervalMinutes: 19 } }) },
  { rule: "R65", expected: "passes", name: "polling every 20 minutes", context: reviewContext({ site: { pcmPollingIntervalMinutes: 20 } }) },
  { rule: "R66", expected: "fires", name: "PCM disabled at the site", context: reviewContext({ site: { isPcmEnabled: false } }) },
  { rule: "R66", expected: "passes", name: "PCM enabled", context: reviewContext() },
  { rule: "R71", expected: "fires", name: "service account is a Domain Admin", context: reviewContext({ target: { pcmServiceAccountIsDomainAdmin: true } }) },
  { rule: "R71", expected: "fires", name: "one account for 51 targets", context: reviewContext({ targets: sharing(51) }) },
  { rule: "R71", expected: "passes", name: "one account for 50 targets", context: reviewContext({ targets: sharing(50) }) },
  { rule: "R71", expected: "notChecked", name: "service account not recorded", context: reviewContext({ target: { pcmServiceAccount: null } }) },
  { rule: "R76", expected: "fires", name: "SMSIDDUP found the ID twice", context: reviewContext({ target: { hasDuplicateSmsId: true } }) },
  { rule: "R76", expected: "fires", name: "the same SMS ID twice in the targets", context: reviewContext({ targets: [computerFixture(), computerFixture({ name: "CLONE" })] }) },
  { rule: "R76", expected: "passes", name: "unique SMS IDs", context: reviewContext() },
  { rule: "R76", expected: "notChecked", name: "no duplicate scan recorded", context: reviewContext({ target: { hasDuplicateSmsId: null } }) },
  { rule: "R81", expected: "fires", name: "Limit To Sites AUX", context: reviewContext({ job: { target: { limitToSiteCode: "AUX" } } }) },
  { rule: "R81", expected: "passes", name: "site code BPC", context: reviewContext() },
];

describe("job, site and server rules", () => expectRuleCases(cases));

describe("job rule details", () => {
  const findingOf = (rule: string, context = reviewContext()) => reviewJob(context).findings.find((finding) => finding.rule === rule);

  it("runs only the server, source and site rules on a Share Package On Server job, never the workstation ones", () => {
    // Targets that would fire workstation rules (R59 stale inventory, R63 no PCM service) if they were reviewed.
    const review = reviewJob(reviewContext({ job: shareJob, package: { shareName: "OFF95" }, target: { lastInventoryAt: null, isPcmServiceRunning: false } }));
    const rules = [...review.findings.map((finding) => finding.rule), ...review.notChecked.map((entry) => entry.rule)];
    expect(rules.filter((rule) => !SERVER_JOB_RULES.has(rule))).toEqual([]);
    expect(reviewJob(reviewContext({ job: shareJob, package: { shareName: "C$" } })).findings.map((finding) => finding.rule)).toContain("R55");
  });

  it("R33 proposes Mandatory After one week after the offer, as SMS did (Q238315)", () => {
    expect(findingOf("R33", reviewContext({ job: { runPhase: { mandatoryAfter: undefined } } }))?.fix).toMatchObject({ field: "runPhase.mandatoryAfter", value: "1998-03-09T18:00:00" });
  });

  it("R47 proposes the same path with pipes", () => {
    expect(findingOf("R47", reviewContext({ job: machinePath("BPC:CORP:*") }))?.fix).toMatchObject({ field: "target.machinePath", value: "BPC|CORP|*" });
  });

  it("R32 is gated on the job's site", () => {
    const context = reviewContext({ job: { ...sendOnly, siteCode: "XYZ" } });
    expect(reviewJob(context).notChecked).toContainEqual({ rule: "R32", reason: "the job's site is not in the console" });
  });

  it("R71 lists the targets that share the account", () => {
    expect(findingOf("R71", reviewContext({ targets: sharing(51) }))?.subjects).toHaveLength(51);
  });
});
