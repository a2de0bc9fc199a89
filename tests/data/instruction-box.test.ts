import { beforeEach, describe, expect, it } from "vitest";
import { decodeInstructionFile } from "@/lib/ins/decode";
import { countInstructionFiles, generateInstructionBox, getInstructionFile, listInstructionBox } from "@/lib/data/instruction-box/instruction-box";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { getJob } from "@/lib/data/jobs/jobs";
import { getPackage, updatePackage } from "@/lib/data/packages/packages";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import type { InstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { packageInputSchema } from "@/lib/packages/schema";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const now = "1998-11-21T09:00:00";

async function fileOf(smsId: string): Promise<InstructionFile> {
  const file = await getInstructionFile({ smsId, now });
  if (typeof file === "string") throw new Error(`expected a file, got ${file}`);
  return file;
}

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("instruction files generated on demand", () => {
  it("tells an unknown client from one with nothing offered", async () => {
    expect(await getInstructionFile({ smsId: "ZZZ00001", now })).toBe("unknown");
    expect(await getInstructionFile({ smsId: "MDM00005", now })).toBe("empty");
  });

  it("follows every change that alters the records, however often it is asked", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await activateJob({ jobId });
    const first = await fileOf("MDM00005");
    expect(decodeInstructionFile(first.bytes).map((record) => record.comments)).toEqual(["Microsoft Office Professional 4.3"]);
    expect(await fileOf("MDM00005")).toMatchObject({ bytes: first.bytes });

    // A package edit changes the records of every job that offers it.
    const pkg = (await getPackage("BPC0000A"))!;
    const input = packageInputSchema.parse({ ...pkg, comments: "Office 4.3c", commandLines: pkg.commandLines.map((line) => ({ ...line, isUserInputRequired: line.isUserInputRequired ?? undefined })) });
    await updatePackage({ packageId: "BPC0000A", version: pkg.version, input });
    const edited = await fileOf("MDM00005");
    expect(decodeInstructionFile(edited.bytes)[0]!.comments).toBe("Office 4.3c");
    expect(edited.lastModified.getTime()).toBeGreaterThanOrEqual(first.lastModified.getTime());

    // A second job adds a record; canceling the first removes its record.
    const second = await createJob({ input: await demoJobInput({ comment: "second" }) });
    await activateJob({ jobId: second });
    expect(decodeInstructionFile((await fileOf("MDM00005")).bytes).map((record) => record.jobId)).toEqual([jobId, second]);
    await changeJobState({ jobId, transition: "cancel", note: "superseded" });
    expect(decodeInstructionFile((await fileOf("MDM00005")).bytes).map((record) => record.jobId)).toEqual([second]);
    await changeJobState({ jobId: second, transition: "cancel", note: "superseded" });
    expect(await getInstructionFile({ smsId: "MDM00005", now })).toBe("empty");
  });

  it("lists a file's last change no earlier after a job leaves it, as the file itself says", async () => {
    const first = await createJob({ input: await demoJobInput() });
    await activateJob({ jobId: first });
    const second = await createJob({ input: await demoJobInput({ comment: "second" }) });
    await activateJob({ jobId: second });
    const listed = async () => (await listInstructionBox({ now, search: "MDM00005", page: 1 })).items[0]!.lastModified.getTime();
    const before = await listed();
    await changeJobState({ jobId: second, transition: "cancel", note: "superseded" });
    const after = await listed();
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after).toBe((await fileOf("MDM00005")).lastModified.getTime());
  });

  it("drops a job's record once its Expire After has passed", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await activateJob({ jobId });
    expect(await getInstructionFile({ smsId: "MDM00005", now: "1999-02-28T23:59:59" })).not.toBe("empty");
    expect(await getInstructionFile({ smsId: "MDM00005", now: "1999-03-01T00:00:00" })).toBe("empty");
    // A file remembered for one moment is not answered for another: asked again before the expiry.
    expect(await getInstructionFile({ smsId: "MDM00005", now: "1999-02-28T23:59:59" })).not.toBe("empty");
  });

  it("lists the box a page at a time, searchable by SMS ID", async () => {
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "QUERY", limitToSiteCode: "BPC" } }) });
    await activateJob({ jobId });
    const job = (await getJob(jobId))!;
    const box = await listInstructionBox({ now, page: 1 });
    expect(box.total).toBe(job.targetCount);
    expect(box.items[0]).toMatchObject({ fileName: `${box.items[0]!.smsId}.INS`, recordCount: 1 });
    const mdm = await listInstructionBox({ now, page: 1, search: "mdm" });
    expect(mdm.items.map((entry) => entry.smsId)).toEqual(["MDM00005"]);
    expect(mdm.total).toBe(1);
    // LIKE's wildcards in a search match only themselves.
    for (const search of ["%", "_DM", "M%"]) expect((await listInstructionBox({ now, page: 1, search })).total).toBe(0);
  });

  it("writes the whole box a batch at a time: each client once, in SMS ID order, with its own file's bytes", async () => {
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "QUERY" } }) });
    await activateJob({ jobId });
    const files: InstructionFile[] = [];
    for await (const file of generateInstructionBox({ now, batchSize: 2 })) files.push(file);
    const smsIds = files.map((file) => file.smsId);
    expect(smsIds).toEqual([...new Set(smsIds)].sort((a, b) => a.localeCompare(b)));
    expect(files.length).toBe((await getJob(jobId))!.targetCount);
    expect(files.length).toBe(await countInstructionFiles({ now }));
    for (const file of files) {
      const own = await fileOf(file.smsId);
      expect(file.bytes).toEqual(own.bytes);
      expect(decodeInstructionFile(file.bytes)[0]!.siteId).toBe((await db.computer.findUniqueOrThrow({ where: { smsId: file.smsId } })).siteCode);
    }
  });
});

describe("the planned-job cache", () => {
  it("answers every job of a client even when the cache is cleared while it reads", async () => {
    const first = await createJob({ input: await demoJobInput() });
    await activateJob({ jobId: first });
    expect(decodeInstructionFile((await fileOf("MDM00005")).bytes)).toHaveLength(1);
    // A second job is not cached yet: its read must not lose the first, cached one.
    const second = await createJob({ input: await demoJobInput({ comment: "second" }) });
    await activateJob({ jobId: second });
    const [a, b] = await Promise.all([fileOf("MDM00005"), fileOf("MDM00005")]);
    expect(decodeInstructionFile(a.bytes).map((record) => record.jobId)).toEqual([first, second]);
    expect(b.bytes).toEqual(a.bytes);
  });
});
