import { describe, expect, it } from "vitest";
import { canCancelJobs } from "./can-cancel-jobs";
import { canDeleteJob } from "./can-delete-job";
import { canDeletePackage } from "./can-delete-package";

const NOW = "1998-03-04T12:00:00";
const outcome = (review: { allowed: boolean; findings: { rule: string; severity: string }[]; notChecked: { rule: string }[] }) => ({
  allowed: review.allowed,
  findings: review.findings.map((finding) => `${finding.rule} ${finding.severity}`),
  notChecked: review.notChecked.map((entry) => entry.rule),
});

describe("R83 canDeleteJob (Q168130, Q269768)", () => {
  it.each([
    ["an active job", { state: "ACTIVE" as const, canceledAt: null }, { allowed: false, findings: ["R83 error"], notChecked: [] }],
    ["a complete job never cancelled", { state: "COMPLETE" as const, canceledAt: null }, { allowed: false, findings: ["R83 error"], notChecked: [] }],
    ["cancelled 47:59:59 ago", { state: "CANCELED" as const, canceledAt: "1998-03-02T12:00:01" }, { allowed: true, findings: ["R83 warning"], notChecked: [] }],
    ["cancelled exactly 48 hours ago", { state: "CANCELED" as const, canceledAt: "1998-03-02T12:00:00" }, { allowed: true, findings: [], notChecked: [] }],
    ["cancelled, time not recorded", { state: "CANCELED" as const, canceledAt: null }, { allowed: true, findings: [], notChecked: ["R83"] }],
  ])("%s", (_name, job, expected) => {
    expect(outcome(canDeleteJob({ jobId: "BPC000AA", ...job }, NOW))).toEqual(expected);
  });
});

describe("R84 canCancelJobs (Q168130)", () => {
  it("lets one job be cancelled quietly", () => expect(outcome(canCancelJobs(["BPC000AA"]))).toEqual({ allowed: true, findings: [], notChecked: [] }));
  it("warns, without blocking, for two jobs at once", () => {
    const review = canCancelJobs(["BPC000AA", "BPC000AB"]);
    expect(outcome(review)).toEqual({ allowed: true, findings: ["R84 warning"], notChecked: [] });
    expect(review.findings[0]?.subjects).toEqual([{ kind: "job", id: "BPC000AA" }, { kind: "job", id: "BPC000AB" }]);
  });
});

describe("R85 canDeletePackage (Q269768)", () => {
  it.each([
    ["a job still active", [{ jobId: "BPC000AA", state: "ACTIVE" as const }], [], { allowed: false, findings: ["R85 error"], notChecked: [] }],
    ["still on a distribution server", [], ["CNS-SMS"], { allowed: false, findings: ["R85 error"], notChecked: [] }],
    ["jobs cancelled, on no server", [{ jobId: "BPC000AA", state: "CANCELED" as const }], [], { allowed: true, findings: [], notChecked: [] }],
    ["servers not recorded", [], null, { allowed: true, findings: [], notChecked: ["R85"] }],
  ])("%s", (_name, jobs, distributionServerNames, expected) => {
    expect(outcome(canDeletePackage({ packageId: "BPC0000A", jobs, distributionServerNames }))).toEqual(expected);
  });
});
