import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/despoolr.box/[smsId]/route";
import { GET } from "@/app/pcmins.box/[fileName]/route";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { pollOnce, type AgentOptions } from "../../cli/pcm-agent";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const CLIENT = "MDM00005";
const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-pcm-agent-"));
const share = path.join(workDirectory, "SMS_PKGD");
let server: Server;
let options: AgentOptions;

/** The two machine-facing routes, served over HTTP as the console serves them, on this test's database. */
function startConsole(): Promise<string> {
  server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = `http://127.0.0.1${incoming.url}`;
    const request = new Request(url, { method: incoming.method, headers: incoming.headers as Record<string, string>, body: incoming.method === "POST" ? Buffer.concat(chunks) : undefined });
    const { pathname } = new URL(url);
    const [, box, name] = pathname.split("/");
    const response =
      box === "pcmins.box" ? await GET(request, { params: Promise.resolve({ fileName: name! }) }) : box === "despoolr.box" ? await POST(request, { params: Promise.resolve({ smsId: name! }) }) : new Response("", { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

async function sendJob(commandName: string, commandLine: string): Promise<{ jobId: string; requestId: string }> {
  bindProcessActor(TEST_ADMINISTRATOR);
  const line = await db.workstationCommandLine.create({ data: { packageId: "BPC0000A", commandName, commandLine, supportedPlatforms: "WIN32_X86", isAutomated: true } });
  const input = await demoJobInput({
    target: { kind: "COMPUTERS", smsIds: [CLIENT] },
    runPhase: { commandLineId: line.id, offerAfter: "2020-01-01T08:00:00", isMandatory: true, mandatoryAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined },
  });
  const jobId = await createJob({ input });
  const { requestId } = await activateJob({ jobId });
  bindProcessActor(undefined);
  return { jobId, requestId };
}

/** Both of PCM's logs: the service's PACMAN.LOG and the desktop's Pcmwin.log. */
const agentLogs = () =>
  ["PACMAN.LOG", "Pcmwin.log"].map((name) => path.join(options.stateDirectory, name)).filter((file) => existsSync(file)).map((file) => readFileSync(file, "latin1")).join("\n");

const targetStatus = (jobId: string) => db.targetStatus.findUnique({ where: { jobId_smsId: { jobId, smsId: CLIENT } }, select: { status: true, description: true } });

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const consoleUrl = await startConsole();
  mkdirSync(path.join(share, "BPC0000A"), { recursive: true });
  options = {
    client: { smsId: CLIENT, platform: "WIN32_X86", pollingIntervalMinutes: 60, logonServer: "CONSOLE" },
    consoleUrl,
    token: null,
    shares: [{ server: "CNS-SMS", share: "SMS_PKGD", directory: share }],
    mifDirectory: path.join(workDirectory, "windows"),
    stateDirectory: path.join(workDirectory, "state"),
    accepted: [],
  };
  mkdirSync(options.mifDirectory!, { recursive: true });
});

afterAll(() => {
  server.close();
  rmSync(workDirectory, { recursive: true, force: true });
});

beforeEach(() => bindProcessActor(undefined));
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("sms pcm against the console", () => {
  it("runs mandatory jobs once in the mapped package directory and reports Complete and Retrying", async () => {
    const good = await sendJob("Write file", "echo installed > installed.txt");
    const bad = await sendJob("Fail", "exit 3");
    const first = await pollOnce(options);
    expect(first.ran.sort()).toEqual([good.requestId, bad.requestId].sort());
    expect(readFileSync(path.join(share, "BPC0000A", "installed.txt"), "utf8").trim()).toBe("installed");
    expect(await targetStatus(good.jobId)).toEqual({ status: "COMPLETE", description: "Write file completed" });
    expect(await targetStatus(bad.jobId)).toEqual({ status: "RETRYING", description: "Fail ended with exit code 3" });
    expect((await db.job.findUniqueOrThrow({ where: { jobId: good.jobId } })).state).toBe("COMPLETE");
    const log = agentLogs();
    expect(log).toMatch(/Reporting on completed package execution\./);
    expect(log).toMatch(/Need to report with DMTF MIF: /);

    expect((await pollOnce(options)).ran).toEqual([]);
    expect(await db.statusReport.count({ where: { smsId: CLIENT } })).toBe(2);
  });

  it("posts the status MIF a setup program wrote after the run began", async () => {
    const script = `node -e "require('fs').writeFileSync(process.argv[1], require('fs').readFileSync(process.argv[2]))" ${JSON.stringify(path.join(options.mifDirectory!, "ins_note.mif"))} ${JSON.stringify(path.resolve("lib/status-mif/fixtures/q186415-ismif32-failed.mif"))}`;
    writeFileSync(path.join(options.mifDirectory!, "old.mif"), "written before the run");
    const job = await sendJob("Setup with MIF", script);
    expect((await pollOnce(options)).ran).toEqual([job.requestId]);
    expect((await targetStatus(job.jobId))?.description).toMatch(/^The most effective multi-site management system/);
  });

  it("runs nothing for a canceled job or a server that maps nowhere, and says so", async () => {
    const canceled = await sendJob("Canceled", "echo no > canceled.txt");
    bindProcessActor(TEST_ADMINISTRATOR);
    await changeJobState({ jobId: canceled.jobId, transition: "cancel", note: "no longer wanted" });
    bindProcessActor(undefined);
    expect((await pollOnce(options)).ran).toEqual([]);
    expect(existsSync(path.join(share, "BPC0000A", "canceled.txt"))).toBe(false);

    const unmapped = await sendJob("Unmapped", "echo no > unmapped.txt");
    expect((await pollOnce({ ...options, shares: [] })).ran).toEqual([]);
    expect(agentLogs()).toMatch(/Unable to connect to \\\\server\\share\(s\)/);
    expect(await targetStatus(unmapped.jobId)).toBeNull();
  });
});
