import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { decodeInstructionFile } from "@/lib/ins/decode";
import { currentWallClock } from "@/lib/wall-clock";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-box-"));
const box = "shares/PCMINS.BOX";
const boxPath = path.join(workDirectory, box);
const jobs = { group: "", mdm: "" };
let groupMembers: string[] = [];

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const filesInBox = () => readdirSync(boxPath).sort();
const insFile = (smsId: string) => `${smsId}.INS`;
const readBoxFile = (fileName: string) => new Uint8Array(readFileSync(path.join(boxPath, fileName)));

/** A job offered since 2020 that never expires, so its records are in the box whenever the test runs. */
async function activeJob(target: Record<string, unknown>): Promise<string> {
  const input = await demoJobInput({ target, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  const jobId = await createJob({ input });
  // Send without the requirement review, as tests/data/jobs.test.ts does.
  await activateJob({ jobId });
  return jobId;
}

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const group = await db.machineGroup.findFirstOrThrow({ where: { name: "BPC NT Workstations" }, select: { id: true, members: { select: { smsId: true } } } });
  groupMembers = group.members.map((member) => member.smsId).sort();
  jobs.group = await activeJob({ kind: "MACHINE_GROUP", machineGroupId: group.id });
  jobs.mdm = await activeJob({ kind: "COMPUTERS", smsIds: ["MDM00005"] });
});

describe("sms box sync DIR", () => {
  it("creates DIR and writes one file per client of an active job, with the bytes the console generates", async () => {
    expect(groupMembers).toContain("MDM00005");
    expect(groupMembers.length).toBeGreaterThan(2);
    const result = sms("box", "sync", box);
    const count = groupMembers.length;
    expect(result).toEqual({ code: 0, stdout: `Wrote ${count}, unchanged 0, removed 0 (${count} files in ${box})\n`, stderr: "" });
    expect(filesInBox()).toEqual(groupMembers.map(insFile));
    const now = currentWallClock();
    for (const smsId of groupMembers) {
      const generated = await getInstructionFile({ smsId, now });
      if (typeof generated === "string") throw new Error(`${smsId} has no file: ${generated}`);
      expect(readBoxFile(insFile(smsId))).toEqual(generated.bytes);
    }
    expect(decodeInstructionFile(readBoxFile("MDM00005.INS")).map((record) => record.jobId)).toEqual([jobs.group, jobs.mdm]);
  });

  it("writes nothing the second time, and leaves files that are not <SMS ID>.INS alone", () => {
    const others = { "README.TXT": "PCMINS.BOX share", "notes.ins": "not an SMS ID", "LOGON.BAT": "@echo off", "MDM0005.INS": "seven characters" };
    for (const [name, content] of Object.entries(others)) writeFileSync(path.join(boxPath, name), content);
    const before = new Map(filesInBox().map((name) => [name, statSync(path.join(boxPath, name)).mtimeMs]));

    const count = groupMembers.length;
    expect(sms("box", "sync", box).stdout).toBe(`Wrote 0, unchanged ${count}, removed 0 (${count} files in ${box})\n`);
    for (const [name, mtime] of before) expect(statSync(path.join(boxPath, name)).mtimeMs).toBe(mtime);
    for (const [name, content] of Object.entries(others)) expect(readFileSync(path.join(boxPath, name), "utf8")).toBe(content);
  });

  it("rewrites a file whose bytes differ and removes the file of a client that has none", () => {
    const tampered = groupMembers.find((smsId) => smsId !== "MDM00005")!;
    writeFileSync(path.join(boxPath, insFile(tampered)), "garbage");
    writeFileSync(path.join(boxPath, "ZZZ00001.INS"), "a client no job targets");
    writeFileSync(path.join(boxPath, "s0909009.ins"), "lower-case, still an SMS ID");

    const result = sms("box", "sync", box, "--verbose");
    const count = groupMembers.length;
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`Wrote 1, unchanged ${count - 1}, removed 2 (${count} files in ${box})`);
    expect(lines).toContain(`  wrote        ${insFile(tampered)}`);
    expect(lines).toContain("  unchanged    MDM00005.INS");
    expect(lines).toContain("  removed      ZZZ00001.INS");
    expect(lines).toContain("  removed      s0909009.ins");
    expect(lines).toHaveLength(count + 3);
    expect(decodeInstructionFile(readBoxFile(insFile(tampered))).map((record) => record.jobId)).toEqual([jobs.group]);
    expect(filesInBox()).not.toContain("ZZZ00001.INS");
    expect(filesInBox()).not.toContain("s0909009.ins");
    expect(filesInBox().filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("after a job is canceled, removes the files of its targets and rewrites those other jobs still fill", async () => {
    await changeJobState({ jobId: jobs.group, transition: "cancel", note: "wrong group" });
    const dryRun = sms("box", "sync", box, "--dry-run");
    const removed = groupMembers.length - 1;
    expect(dryRun.stdout).toBe(`Would write 1, unchanged 0, would remove ${removed} (${box} would hold 1 file); nothing was changed\n`);
    expect(filesInBox()).toContain(insFile(groupMembers.find((smsId) => smsId !== "MDM00005")!));

    expect(sms("box", "sync", box).stdout).toBe(`Wrote 1, unchanged 0, removed ${removed} (1 file in ${box})\n`);
    expect(filesInBox()).toEqual(["LOGON.BAT", "MDM0005.INS", "MDM00005.INS", "README.TXT", "notes.ins"].sort());
    expect(decodeInstructionFile(readBoxFile("MDM00005.INS")).map((record) => record.jobId)).toEqual([jobs.mdm]);

    await changeJobState({ jobId: jobs.mdm, transition: "cancel", note: "wrong computer" });
    expect(sms("box", "sync", box).stdout).toBe(`Wrote 0, unchanged 0, removed 1 (0 files in ${box})\n`);
    expect(filesInBox()).toEqual(["LOGON.BAT", "MDM0005.INS", "README.TXT", "notes.ins"].sort());
  });

  it("--dry-run does not create a missing DIR", () => {
    expect(sms("box", "sync", "not-yet", "--dry-run").stdout).toBe("Would write 0, unchanged 0, would remove 0 (not-yet would hold 0 files); nothing was changed\n");
    expect(readdirSync(workDirectory)).not.toContain("not-yet");
  });

  it.each<[string[], string]>([
    [["box"], 'sms: box needs a command; run "sms box --help"\n'],
    [["box", "push"], 'sms: unknown box command "push"; run "sms box --help"\n'],
    [["box", "sync"], "sms: box sync needs exactly one DIR\n"],
    [["box", "sync", "a", "b"], "sms: box sync needs exactly one DIR\n"],
    [["box", "sync", `${box}/README.TXT`], `sms: ${box}/README.TXT is not a directory\n`],
    [["box", "sync", box, "--force"], "sms: Unknown option '--force'; see --help\n"],
  ])("answers %j with one line and exit 2", (args, stderr) => {
    expect(sms(...args)).toEqual({ code: 2, stdout: "", stderr });
  });
});
