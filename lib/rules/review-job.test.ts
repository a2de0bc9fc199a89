import { describe, expect, it } from "vitest";
import { reviewJob } from "./review-job";
import { syntheticReviewContext } from "./synthetic-context";
import { computerFixture, reviewContext } from "./test-context";
import { formatFix, toCheckJson } from "./to-check-json";

const computers = (count: number, changes: (index: number) => Parameters<typeof computerFixture>[0]) =>
  Array.from({ length: count }, (_, index) => computerFixture({ smsId: `MDM${String(index).padStart(5, "0")}`, ...changes(index) }));

describe("reviewJob", () => {
  it("finds nothing, and leaves nothing unchecked, in a fully valid PCM-service job", () => {
    expect(reviewJob(reviewContext())).toEqual({ findings: [], notChecked: [] });
  });

  it("aggregates R60 into one finding: N of M targets, with every failing computer as a subject", () => {
    const targets = computers(120, (index) => (index % 3 === 0 && index < 111 ? { platform: "WIN16", pcmVariant: "PCMWIN16" } : {}));
    const failing = targets.filter((target) => target.platform === "WIN16").map((target) => ({ kind: "computer", id: target.smsId }));
    expect(failing).toHaveLength(37);
    const r60 = reviewJob(reviewContext({ targets, commandLine: { isSystemTask: false } })).findings.filter((finding) => finding.rule === "R60");
    expect(r60).toHaveLength(1);
    expect(r60[0]).toMatchObject({
      severity: "error",
      message: "37 of 120 targets will never see the package: their platform is not in Supported Platforms",
      sources: ["Q126644", "Q107244"],
      subjects: failing,
      fix: { form: "job", field: "target.platforms", value: ["WIN32_X86"] },
    });
  });

  it("sorts errors, then warnings, then infos, each by rule number", () => {
    const context = reviewContext({
      commandLine: { isAutomated: false },
      site: { pcmPollingIntervalMinutes: 15 },
      job: { runPhase: { notMandatoryOverSlowLink: true } },
      targets: [computerFixture({ platform: "WIN32_ALPHA", utcOffsetMinutes: 60 })],
    });
    expect(reviewJob(context).findings.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual([
      "error R1",
      "error R60",
      "warning R43",
      "warning R65",
      "info R45",
    ]);
  });

  it("reports an unrecorded fact under notChecked, per rule and reason, and never as a finding", () => {
    const targets = computers(20, (index) => ({ clockOffsetSeconds: index < 12 ? null : 0 }));
    const review = reviewJob(reviewContext({ targets }));
    expect(review).toEqual({ findings: [], notChecked: [{ rule: "R75", reason: "clock offset not recorded for 12 targets" }] });
  });

  it("does not count targets outside a rule's version gate as unknown", () => {
    const targets = [computerFixture({ smsClientServicePack: 3, isPcmwin32AutoStart: null }), computerFixture({ smsId: "BPC00002", smsClientServicePack: 1, isPcmwin32AutoStart: null })];
    expect(reviewJob(reviewContext({ targets })).notChecked).toContainEqual({ rule: "R69", reason: "whether Pcmwin32 starts automatically is not recorded for 1 target" });
  });

  // Its speed is measured by npm run bench:review, not asserted here.
  it("aggregates a 10,000-target review into one finding per rule", () => {
    const context = syntheticReviewContext(10_000);
    expect(reviewJob(context).findings.find((finding) => finding.rule === "R60")?.subjects.length).toBe(4_000);
  });
});

describe("toCheckJson: what `sms check` prints", () => {
  it("has exactly the job and finding keys, with the fix as text", () => {
    const json = toCheckJson(reviewJob(reviewContext({ commandLine: { isAutomated: false } })), "BPC000AA");
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      job: "BPC000AA",
      findings: [
        {
          rule: "R1",
          severity: "error",
          message: "Command line \"Automated Setup\" must be marked 'Automated Command Line' to be run by the PCM service.",
          why: expect.any(String),
          sources: ["Q166765", "Q126644", "Q188063"],
          subjects: [{ kind: "commandLine", id: "1" }],
          fix: "Tick 'Automated Command Line'. (package form: commandLines.0.isAutomated = true)",
        },
      ],
    });
    expect(Object.keys(json)).toEqual(["job", "findings"]);
    expect(Object.keys(json.findings[0] ?? {})).toEqual(["rule", "severity", "message", "why", "sources", "subjects", "fix"]);
  });

  it("writes a fix without a value as the field alone", () => {
    expect(formatFix({ form: "computer", field: "isPcmServiceRunning", text: "Start the service." })).toBe("Start the service. (computer form: isPcmServiceRunning)");
  });
});
