import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { getJob } from "@/lib/data/jobs/jobs";
import { buildReviewContext } from "@/lib/data/review/review-context";
import { readPendingTargets, readSentTargets, toReviewComputer } from "@/lib/data/review/review-targets";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { createQuery } from "@/lib/data/inventory/queries";
import { loadTargetInventory } from "@/lib/data/review/target-inventory";
import { queryInputSchema } from "@/lib/queries/schema";
import { buildLargeSiteDocument } from "@/lib/demo/large-site-document";
import { resolveTargets } from "@/lib/jobs/targets";
import { reviewJob } from "@/lib/rules/review-job";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const now = "1998-11-21T09:00:00";

const serverNames = async () => new Map((await db.server.findMany({ select: { id: true, name: true } })).map((server) => [server.id, server.name]));

/** Every computer as the rules would see it read whole, in SMS ID order: what the review must load. */
async function everyComputerWhole() {
  const names = new Map((await db.server.findMany({ select: { id: true, name: true } })).map((server) => [server.id, server.name]));
  const rows = await db.computer.findMany();
  return rows.sort((a, b) => a.smsId.localeCompare(b.smsId)).map((row) => toReviewComputer(row, names));
}

// More computers than are read by a list of IDs: the review reads them in one pass instead.
beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildLargeSiteDocument({ computers: 700, packages: 6 }));
});

describe("the review's targets", () => {
  it("are the computers the rules read, the same before Send (resolved now) and after (frozen)", async () => {
    const input = await demoJobInput({ target: { kind: "QUERY" } });
    const jobId = await createJob({ input });
    const expected = await everyComputerWhole();
    expect(expected.length).toBeGreaterThan(700);

    const pending = (await buildReviewContext({ jobId, state: "PENDING", definition: input, now }))!;
    expect(pending.targets).toEqual(expected);

    await activateJob({ jobId });
    const job = (await getJob(jobId))!;
    expect(job.targetCount).toBe(expected.length);
    const sent = (await buildReviewContext({ jobId, state: "ACTIVE", definition: input, now }))!;
    expect(sent.targets).toEqual(expected);
    // Read in many small batches (a review of 50,000 reads 2,000 at a time): the same targets.
    expect(await readSentTargets({ jobId, serverNames: await serverNames(), batchSize: 97 })).toEqual(expected);
  });

  it("reads a short list of targets by their IDs, with the same fields", async () => {
    const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: ["MDM00005"] } });
    const context = (await buildReviewContext({ jobId: null, state: "PENDING", definition: input, now }))!;
    expect(context.targets).toEqual((await everyComputerWhole()).filter((computer) => computer.smsId === "MDM00005"));
  });
});

describe("a Pending job's targets, read once for resolution and the rules", () => {
  it("give the same targets and the same review as resolving over the whole inventory and loading every row through Prisma", async () => {
    const every = await everyComputerWhole();
    // A machine group of every third computer, and a list longer than the one read by its IDs.
    const group = await db.machineGroup.create({ data: { name: "Review loader group", members: { create: every.filter((_, index) => index % 3 === 0).map(({ smsId }) => ({ smsId })) } } });
    const longList = every.filter((_, index) => index % 2 === 1).map(({ smsId }) => smsId);
    // A saved query, and a machine group that takes its computers from it: attributes the review does not read.
    const queryId = await createQuery({
      input: queryInputSchema.parse({
        name: "Review loader query",
        conditions: [
          { attribute: "platform", operator: "IS", value: "WIN32_X86" },
          { joiner: "OR", attribute: "pcmServiceState", operator: "IS", value: "STOPPED" },
        ],
      }),
    });
    const dynamicGroup = await db.machineGroup.create({ data: { name: "Review loader dynamic group", queryId } });
    const targets = [
      { kind: "QUERY" },
      { kind: "QUERY", platforms: ["WIN32_X86", "WINDOWS95"], pcmVariants: ["PCMWIN32"] },
      { kind: "QUERY", limitToSiteCode: "BPC", includeSubsites: true },
      { kind: "MACHINE_PATH", machinePath: "vaq|*|*" },
      { kind: "MACHINE_PATH", machinePath: "*|corp|*", limitToSiteCode: "GBL", includeSubsites: true, platforms: ["WIN32_X86", "WINDOWS95", "WIN16"] },
      { kind: "MACHINE_GROUP", machineGroupId: group.id },
      { kind: "MACHINE_GROUP", machineGroupId: group.id, limitToSiteCode: "VAQ", includeSubsites: false, pcmVariants: ["PCMWIN16", "PCMDOS"] },
      { kind: "QUERY", queryId },
      { kind: "QUERY", queryId, limitToSiteCode: "BPC", includeSubsites: true },
      { kind: "MACHINE_GROUP", machineGroupId: dynamicGroup.id },
      { kind: "COMPUTERS", smsIds: longList },
      { kind: "COMPUTERS", smsIds: [longList[4]!, "MDM00005", longList[0]!] },
    ];
    const inventory = await loadTargetInventory(db);
    for (const target of targets) {
      const input = await demoJobInput({ target });
      const context = (await buildReviewContext({ jobId: null, state: "PENDING", definition: input, now }))!;
      const wanted = new Set(resolveTargets(input.target, inventory).smsIds);
      const expected = every.filter((computer) => wanted.has(computer.smsId));
      expect(expected.length, JSON.stringify(target)).toBeGreaterThan(0);
      expect(context.targets, JSON.stringify(target)).toEqual(expected);
      expect(reviewJob(context), JSON.stringify(target)).toEqual(reviewJob({ ...context, targets: expected }));
      // Resolved batch by batch (a review of 50,000 reads 2,000 at a time): the same targets.
      expect(await readPendingTargets({ target: input.target, sites: context.sites, serverNames: await serverNames(), batchSize: 97 }), JSON.stringify(target)).toEqual(expected);
    }
  });
});
