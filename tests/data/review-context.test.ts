import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/job-changes";
import { activateJob } from "@/lib/data/job-lifecycle";
import { getJob } from "@/lib/data/jobs";
import { buildReviewContext, toReviewComputer } from "@/lib/data/review-context";
import { importSiteDocument } from "@/lib/data/site-document-import";
import { buildLargeSiteDocument } from "@/lib/demo/large-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const now = "1998-11-21T09:00:00";

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
  });

  it("reads a short list of targets by their IDs, with the same fields", async () => {
    const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: ["MDM00005"] } });
    const context = (await buildReviewContext({ jobId: null, state: "PENDING", definition: input, now }))!;
    expect(context.targets).toEqual((await everyComputerWhole()).filter((computer) => computer.smsId === "MDM00005"));
  });
});
