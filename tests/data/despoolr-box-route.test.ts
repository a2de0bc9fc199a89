import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/despoolr.box/[smsId]/route";
import { db } from "@/lib/db";
import { changeInstructionBoxAccess } from "@/lib/data/instruction-box/instruction-box-access";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { instructionBoxAccessInputSchema } from "@/lib/instruction-box/access-token";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const SUCCESS = readStatusMifFixture("q166833-success.mif");
let client: string;
let vaqClient: string;
let requestId: string;
let jobId: string;

function post(smsId: string, body: BodyInit | null, options: { job?: string; token?: string; at?: string; contentType?: string } = {}) {
  const url = new URL(`http://console.test/despoolr.box/${smsId}`);
  if (options.job !== undefined) url.searchParams.set("job", options.job);
  if (options.at !== undefined) url.searchParams.set("at", options.at);
  const headers = new Headers({ "x-forwarded-for": "10.4.4.4", "content-type": options.contentType ?? "text/plain" });
  if (options.token) headers.set("X-PCMINS-Token", options.token);
  const request = new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return POST(request, { params: Promise.resolve({ smsId }) });
}

const statusRows = () => db.targetStatus.count({ where: { jobId } });

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  client = (await db.computer.findFirstOrThrow({ where: { siteCode: "BPC", platform: "WIN32_X86" }, orderBy: { smsId: "asc" } })).smsId;
  vaqClient = (await db.computer.findFirstOrThrow({ where: { siteCode: "VAQ" }, orderBy: { smsId: "asc" } })).smsId;
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: [client] }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  jobId = await createJob({ input });
  requestId = (await activateJob({ jobId })).requestId;
});

beforeEach(() => bindProcessActor(undefined));
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("POST /despoolr.box/<SMS ID>", () => {
  it("refuses bad input with a clear 4xx and changes no status", async () => {
    const truncated = await post(client, SUCCESS.slice(0, 700), { job: requestId });
    expect(truncated.status).toBe(400);
    expect(await truncated.text()).toMatch(/The status MIF is incomplete: syntax error on line \d+, token end of file/);

    const huge = await post(client, "x".repeat(10 * 1024 * 1024), { job: requestId });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toMatch(/64 KB or smaller .*event 119, Q122178/);

    const streamed = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(16 * 1024).fill(65)) });
    expect((await post(client, streamed, { job: requestId })).status).toBe(413);

    const noJob = await post(client, SUCCESS);
    expect([noJob.status, await noJob.text()]).toEqual([400, "Job must be a job ID (8 characters) or request ID (7 characters), A-Z or 0-9\n"]);
    const badId = await post("../etc", SUCCESS, { job: requestId });
    expect([badId.status, await badId.text()]).toEqual([400, "SMS ID must be 8 characters, A-Z or 0-9\n"]);
    expect((await post(client, new Uint8Array([0xff, 0xfe]), { job: requestId, contentType: "text/plain; charset=utf-8" })).status).toBe(400);

    const otherSite = await post(vaqClient, SUCCESS, { job: requestId });
    expect([otherSite.status, await otherSite.text()]).toEqual([422, `Refused, and kept as report ${Number(otherSite.headers.get("x-status-report-id"))}: Job ${jobId} does not target ${vaqClient}.\n`]);
    expect(await statusRows()).toBe(0);
  });

  it("asks a token site's clients for the token (401) and refuses another site's token (403)", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const bpc = await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
    const vaq = await changeInstructionBoxAccess({ siteCode: "VAQ", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
    bindProcessActor(undefined);
    const wrong = await post(client, SUCCESS, { job: requestId, token: "wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe("PCMINS-Token");
    expect((await post(client, SUCCESS, { job: requestId, token: vaq.generatedToken! })).status).toBe(403);
    expect(await statusRows()).toBe(0);
    const accepted = await post(client, SUCCESS, { job: requestId, token: bpc.generatedToken! });
    expect([accepted.status, accepted.headers.get("x-status-outcome")]).toEqual([201, "applied"]);
    const again = await post(client, SUCCESS, { job: requestId, token: bpc.generatedToken! });
    expect([again.status, again.headers.get("x-status-outcome")]).toEqual([200, "duplicate"]);
    expect(await statusRows()).toBe(1);
    bindProcessActor(TEST_ADMINISTRATOR);
    await db.site.updateMany({ data: { instructionBoxAccess: "open", instructionBoxTokenHash: null } });
  });
});
