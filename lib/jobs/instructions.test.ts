import { describe, expect, it } from "vitest";
import { buildDemoSiteDocument } from "../demo/demo-site-document";
import kbRecords from "../ins/fixtures/mdm00005.json";
import type { InstructionRecord } from "../ins/record";
import { siteDocumentSchema } from "../site-document/schema";
import { holdsInstruction, offerStateOf, planInstructions, RESERVED_FLAGS, type PlannedJob } from "./instructions";
import { instructionServerOf } from "./servers";

const demo = siteDocumentSchema.parse(buildDemoSiteDocument());
const server = (name: string) => demo.servers.find((candidate) => candidate.name === name)!;

/** The four jobs behind the KB Q123499 dump, as the demo's packages and servers define them. */
function kbJob(index: number, jobId: string, requestId: string, dates: Partial<PlannedJob>): PlannedJob {
  const record = (kbRecords as InstructionRecord[])[index]!;
  const pkg = demo.packages.find((candidate) => candidate.packageId === record.packageId)!;
  const line = pkg.commandLines.find((candidate) => candidate.commandName === record.wclName)!;
  return {
    jobId,
    jobType: "RUN_COMMAND_ON_WORKSTATION",
    requestId,
    state: "ACTIVE",
    sentAt: `1994-09-2${index}T00:00:00.000Z`,
    package: { packageId: pkg.packageId, name: pkg.name, comments: pkg.comments },
    commandLine: { ...line, isUserInputRequired: line.isUserInputRequired ?? null },
    offerAfter: null,
    isMandatory: false,
    mandatoryAfter: null,
    notMandatoryOverSlowLink: false,
    isExpiring: true,
    expireAfter: null,
    servers: [instructionServerOf(server("CNS-SMS"), pkg.packageId), instructionServerOf(server("CNSAPPS1"), pkg.packageId)],
    ...dates,
  };
}

const KB_JOBS = [
  kbJob(0, "BPC000AA", "BPC001M", { offerAfter: "1994-09-21T17:56:00", expireAfter: "1995-03-07T17:56:00" }),
  // SMS 1.0 stored months 0-11 (Q153369): the dump's 11/31/94 is 31 December, which the console writes as month 12.
  kbJob(1, "GBL0015B", "GBL00B9", { offerAfter: "1994-09-24T07:00:00", expireAfter: "1994-12-31T07:00:00" }),
  kbJob(2, "BPC00112", "BPC003F", { offerAfter: "1994-09-25T13:14:00", expireAfter: "1995-03-11T13:14:00" }),
  kbJob(3, "BPC001F9", "BPC005Q", { offerAfter: "1994-09-27T18:37:00", isMandatory: true, mandatoryAfter: "1994-11-01T23:59:00", expireAfter: "1995-03-13T18:37:00" }),
];

describe("instruction planning", () => {
  it("gives MDM00005 the four records of the KB Q123499 dump, field for field", () => {
    const planned = planInstructions({ siteCode: "BPC", jobs: [...KB_JOBS].reverse(), now: "1994-10-01T12:00:00" });
    const expected = (kbRecords as InstructionRecord[]).map((record, index) => ({
      ...record,
      reserved: expect.any(String),
      ...(index === 1 ? { expirationDate: "1994-12-31T07:00:00" } : {}),
    }));
    expect(planned).toEqual(expected);
  });

  it("keeps the service-only and automated flags in the first reserved byte", () => {
    const job = kbJob(0, "BPC000AA", "BPC001M", { offerAfter: "1994-09-21T17:56:00" });
    const serviceJob = { ...job, commandLine: { ...job.commandLine!, isSystemTask: true, isSynchronousSystemExitRequired: true } };
    const [record] = planInstructions({ siteCode: "BPC", jobs: [serviceJob], now: "1994-10-01T00:00:00" });
    expect(parseInt(record!.reserved.slice(0, 2), 16)).toBe(RESERVED_FLAGS.AUTOMATED_COMMAND_LINE | RESERVED_FLAGS.SYSTEM_TASK | RESERVED_FLAGS.SYNCHRONOUS_SYSTEM_EXIT);
    expect(record!.reserved).toHaveLength(64);
  });

  it("writes Install Flag 2 for Not Mandatory over Slow Link and User Input Flags 1 when the PDF requires input", () => {
    const job = kbJob(2, "BPC00112", "BPC003F", { offerAfter: "1994-09-25T13:14:00", notMandatoryOverSlowLink: true });
    const [record] = planInstructions({ siteCode: "BPC", jobs: [job], now: "1994-10-01T00:00:00" });
    expect(record).toMatchObject({ installFlag: 2, userInputFlags: 1, operatingSystem: 64, expirationFull: 1 });
  });

  it("has one record per job, in the order the jobs were sent, whatever order they come in", () => {
    const shuffled = [KB_JOBS[2]!, KB_JOBS[0]!, KB_JOBS[3]!, KB_JOBS[1]!];
    const order = planInstructions({ siteCode: "BPC", jobs: shuffled, now: "1994-10-01T00:00:00" }).map((record) => record.jobId);
    expect(order).toEqual(["BPC000AA", "GBL0015B", "BPC00112", "BPC001F9"]);
  });

  it("drops canceled, complete, failed, pending and expired jobs, and jobs without a run phase", () => {
    const [active, ...others] = KB_JOBS;
    const jobs = [
      active!,
      { ...others[0]!, state: "CANCELED" as const },
      { ...others[1]!, state: "COMPLETE" as const },
      { ...others[2]!, state: "PENDING" as const, requestId: null },
      { ...active!, jobId: "BPC000AB", state: "FAILED" as const },
      { ...active!, jobId: "BPC000AC", commandLine: null },
    ];
    expect(planInstructions({ siteCode: "BPC", jobs, now: "1994-10-01T00:00:00" }).map((record) => record.jobId)).toEqual(["BPC000AA"]);
    expect(holdsInstruction(active!, "1995-03-07T17:55:59")).toBe(true);
  });

  it("writes no record for Share Package On Server and Remove Package From Server jobs, even with a command line", () => {
    const [active] = KB_JOBS;
    const jobs = [{ ...active!, jobType: "SHARE_PACKAGE_ON_SERVER" as const }, { ...active!, jobId: "BPC000AD", jobType: "REMOVE_PACKAGE_FROM_SERVER" as const }];
    expect(planInstructions({ siteCode: "BPC", jobs, now: "1994-10-01T00:00:00" })).toEqual([]);
    for (const job of jobs) expect(holdsInstruction(job, "1994-10-01T00:00:00")).toBe(false);
    expect(holdsInstruction(active!, "1995-03-07T17:56:00")).toBe(false);
  });
});

describe("offer state of a target", () => {
  const job = KB_JOBS[3]!;
  it.each<[string, string, ReturnType<typeof offerStateOf>]>([
    ["before Offer After", "1994-09-27T18:36:59", { status: "NOT_YET_OFFERED", since: null, until: "1994-09-27T18:37:00" }],
    ["at Offer After", "1994-09-27T18:37:00", { status: "OFFERED", since: "1994-09-27T18:37:00", until: "1994-11-01T23:59:00" }],
    ["at Mandatory After", "1994-11-01T23:59:00", { status: "MANDATORY", since: "1994-11-01T23:59:00", until: "1995-03-13T18:37:00" }],
    ["at Expire After", "1995-03-13T18:37:00", { status: "EXPIRED", since: "1995-03-13T18:37:00", until: null }],
  ])("is right %s", (_case, now, expected) => expect(offerStateOf(job, now)).toEqual(expected));

  it("follows the job's own state first", () => {
    expect(offerStateOf({ ...job, state: "CANCELED" }, "1994-10-01T00:00:00").status).toBe("CANCELED");
    expect(offerStateOf({ ...job, state: "PENDING" }, "1994-10-01T00:00:00").status).toBe("NOT_SENT");
    expect(offerStateOf({ ...job, state: "COMPLETE" }, "1994-10-01T00:00:00").status).toBe("CLOSED");
    expect(offerStateOf({ ...job, isExpiring: false }, "2001-01-01T00:00:00").status).toBe("MANDATORY");
  });
});
