import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PCM_VARIANT_OF_PLATFORM, PLATFORMS, WINDOWS_NT_PLATFORMS } from "../platforms";
import type { ReviewContext } from "../rules/context";
import { computerFixture, reviewContext } from "../rules/test-context";
import { willTargetRunCommand } from "../rules/will-target-run-command";
import type { SmsVersion } from "../sites/schema";
import { epochMsToWallClock, wallClockToEpochMs } from "../wall-clock";
import { simulateClient } from "./simulate-client";
import { simulationInputsForJob } from "./simulation-inputs-for-job";

/**
 * For any job and client the rule engine can judge, the simulator and willTargetRunCommand agree on
 * whether the client will ever run the command, over a window from the review to two days past the
 * job's last date. The generator leaves out what the two legitimately see differently:
 *
 * - Windows 95: the record's Operating System mask has no documented bit for it, so the simulator
 *   cannot apply the platform filter that R60 applies to the console's Supported Platforms.
 * - UserInputRequired not defined in the PDF (null): the record's User Input Flags store it as 0,
 *   the same as FALSE, so the client cannot tell what R5 tells apart.
 *
 * Every SMS version and service pack is generated, and Pcmwin32 loaded at logon or not: before SP2 a
 * loaded Pcmwin32 runs background jobs itself (Q165147), so R61/R63/R4 do not block where it does and
 * R69 only warns; a pre-SP2 PCM that does not act on the record at its first reading waits for a
 * restart (Q163488), which R39 blocks as the simulator (one session, no restart) sees it; and a
 * desktop job where Pcmwin32 is not loaded at logon is R69's (Q164657). Facts the console does not hold
 * (no logon server at start-up, R79) keep the simulator's defaults.
 * - Clocks off by up to 20 minutes, dates on whole hours and a review at half past: the skew never
 *   moves a date across the review time, and every date pair is an hour or more apart, so one poll
 *   (at most 60 minutes apart) always falls between them, as R35's own one-polling-interval check assumes.
 */
const NOW = "1998-03-02T09:30:00";
const BASE_MS = wallClockToEpochMs("1998-03-02T09:00:00");
const hoursFromBase = (hours: number) => epochMsToWallClock(BASE_MS + hours * 3_600_000);

const platforms = PLATFORMS.filter((platform) => platform !== "WINDOWS95");

const versionOf = (): fc.Arbitrary<{ smsClientVersion: SmsVersion; smsClientServicePack: number }> => {
  const from12Sp2 = fc.record({ smsClientVersion: fc.constant<SmsVersion>("1.2"), smsClientServicePack: fc.integer({ min: 2, max: 4 }) });
  const before12Sp2 = fc.record({ smsClientVersion: fc.constant<SmsVersion>("1.2"), smsClientServicePack: fc.integer({ min: 0, max: 1 }) });
  return fc.oneof(from12Sp2, before12Sp2, fc.record({ smsClientVersion: fc.constantFrom<SmsVersion>("1.0", "1.1"), smsClientServicePack: fc.constant(0) }));
};

/** Mostly true, so that enough service jobs get through every requirement and run. */
const usually = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const clientArbitrary = fc.constantFrom(...platforms).chain((platform) =>
  fc.record({
    platform: fc.constant(platform),
    version: versionOf(),
    isPcmServiceInstalled: usually,
    isPcmServiceRunning: usually,
    ntDomain: usually.map((isMember) => (isMember ? "CORP" : null)),
    hasInteractiveUsers: fc.boolean(),
    isPcmwin32AutoStart: fc.boolean(),
    clockOffsetSeconds: fc.integer({ min: -1200, max: 1200 }),
    installedPcmHotfixes: fc.subarray(["Q188578", "Q231378", "Q255284"]),
  }),
);

const jobArbitrary = fc.record({
  isEnabled: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  isSystemTask: fc.boolean(),
  isAutomated: fc.boolean(),
  isUserInputRequired: fc.boolean(),
  supportedPlatforms: fc.subarray([...PLATFORMS]),
  supportsClientPlatform: usually,
  offerHours: fc.integer({ min: -48, max: 48 }),
  isMandatory: fc.boolean(),
  mandatoryAfterOfferHours: fc.integer({ min: 0, max: 48 }),
  isExpiring: fc.boolean(),
  expireAfterLastHours: fc.integer({ min: 1, max: 72 }),
  pollingIntervalMinutes: fc.constantFrom(15, 20, 30, 45, 60),
});

type ClientFacts = typeof clientArbitrary extends fc.Arbitrary<infer Facts> ? Facts : never;
type JobFacts = typeof jobArbitrary extends fc.Arbitrary<infer Facts> ? Facts : never;

function contextOf(client: ClientFacts, job: JobFacts): ReviewContext {
  const mandatoryHours = job.offerHours + job.mandatoryAfterOfferHours;
  const lastHours = job.isMandatory ? mandatoryHours : job.offerHours;
  return reviewContext({
    now: NOW,
    site: { pcmPollingIntervalMinutes: job.pollingIntervalMinutes },
    commandLine: {
      isSystemTask: job.isSystemTask,
      isAutomated: job.isAutomated,
      isUserInputRequired: job.isUserInputRequired,
      supportedPlatforms: job.supportsClientPlatform ? [...new Set([...job.supportedPlatforms, client.platform])] : job.supportedPlatforms.filter((platform) => platform !== client.platform),
    },
    job: {
      runPhase: {
        isEnabled: job.isEnabled,
        offerAfter: hoursFromBase(job.offerHours),
        isMandatory: job.isMandatory,
        mandatoryAfter: job.isMandatory ? hoursFromBase(mandatoryHours) : undefined,
        isExpiring: job.isExpiring,
        expireAfter: job.isExpiring ? hoursFromBase(lastHours + job.expireAfterLastHours) : undefined,
      },
    },
    targets: [
      computerFixture({
        platform: client.platform,
        pcmVariant: PCM_VARIANT_OF_PLATFORM[client.platform],
        ...client.version,
        isPcmServiceInstalled: client.isPcmServiceInstalled,
        isPcmServiceRunning: client.isPcmServiceRunning,
        ntRole: WINDOWS_NT_PLATFORMS.includes(client.platform) ? "WORKSTATION" : null,
        ntDomain: client.ntDomain,
        hasInteractiveUsers: client.hasInteractiveUsers,
        // See above: a desktop job needs Pcmwin32 loaded, which no rule checks.
        isPcmwin32AutoStart: client.isPcmwin32AutoStart,
        clockOffsetSeconds: client.clockOffsetSeconds,
        installedPcmHotfixes: client.installedPcmHotfixes,
      }),
    ],
  });
}

function verdicts(context: ReviewContext) {
  const [input] = simulationInputsForJob(context, { requestId: "BPC001M" });
  if (!input) throw new Error("one target, one input");
  const rules = willTargetRunCommand(context, input.client.smsId);
  return { simulation: simulateClient(input), rules };
}

describe("the simulator and the rule engine", () => {
  it("agree on the default reviewed job: the service runs it at its first poll after Mandatory After", () => {
    const { simulation, rules } = verdicts(reviewContext({ now: NOW }));
    expect(rules.runs).toBe(true);
    expect(simulation.outcome).toMatchObject({ runs: true, firstRunAt: "1998-03-03T02:10:01" });
  });

  it("agree, for any job and client the rules can judge, on whether the client will ever run the command", () => {
    fc.assert(
      fc.property(clientArbitrary, jobArbitrary, (client, job) => {
        const { simulation, rules } = verdicts(contextOf(client, job));
        expect(rules.notChecked).toEqual([]);
        expect({ runs: simulation.outcome.runs, reasons: simulation.outcome.reasons }).toMatchObject({ runs: rules.runs });
      }),
      { numRuns: 1500 },
    );
  });

  it.each<[string, Parameters<typeof reviewContext>[0], string[]]>([
    ["service stopped", { target: { isPcmServiceRunning: false } }, ["R63"]],
    ["MIPS with the service installed", { target: { platform: "WIN32_MIPS" }, commandLine: { supportedPlatforms: ["WIN32_MIPS"] } }, ["R61"]],
    ["desktop job, Pcmwin32 not loaded at logon", { target: { isPcmwin32AutoStart: false }, commandLine: { isSystemTask: false } }, ["R69"]],
    ["pre-SP2 client, dates after the .INS arrives", { target: { smsClientServicePack: 1, isPcmwin32AutoStart: true } }, ["R39"]],
  ])("give the same rule codes for a blocked client: %s", (_name, changes, codes) => {
    const blocked = verdicts(reviewContext({ now: NOW, ...changes }));
    expect(blocked.rules.reasons.map((reason) => reason.rule)).toEqual(codes);
    expect(blocked.simulation.outcome.reasons.map((reason) => reason.rule).filter(Boolean)).toEqual(codes);
  });
});
