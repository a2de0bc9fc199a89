import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/pcmins.box/[fileName]/route";
import { db } from "@/lib/db";
import { changeInstructionBoxAccess, FETCH_LOG_BATCH, flushInstructionFileFetches, getInstructionBoxAccess, listInstructionFileFetches } from "@/lib/data/instruction-box/instruction-box-access";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { decodeInstructionFile } from "@/lib/ins/decode";
import { hashAccessToken, instructionBoxAccessInputSchema, isAccessTokenValid, sanitisedFileName } from "@/lib/instruction-box/access-token";
import { testActor, TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

// MDM00005 is a client of site BPC; MDM, the site that created its SMS ID, is not in the hierarchy.
const CLIENT = "MDM00005";
const UNKNOWN_BPC_CLIENT = "BPCZZZZZ";
const ADDRESS = "10.1.2.3";

/** A client's fetch, as a machine without a session makes it. */
function fetchFile(fileName: string, options: { token?: string; header?: string; headers?: Record<string, string>; method?: "GET" | "HEAD" } = {}) {
  const url = new URL(`http://console.test/pcmins.box/${fileName}`);
  if (options.token !== undefined) url.searchParams.set("token", options.token);
  const headers = new Headers({ "x-forwarded-for": ADDRESS, ...options.headers });
  if (options.header !== undefined) headers.set("X-PCMINS-Token", options.header);
  const request = new Request(url, { method: options.method ?? "GET", headers });
  const context = { params: Promise.resolve({ fileName }) };
  return (options.method === "HEAD" ? HEAD : GET)(request, context);
}

/** The fetch log as written: fetches wait in memory until a batch is written, so write it first. */
async function fetchOutcomes() {
  await flushInstructionFileFetches();
  const rows = await db.instructionFileFetch.findMany({ orderBy: { id: "asc" }, select: { fileName: true, siteCode: true, address: true, outcome: true } });
  return rows.map((row) => `${row.fileName} ${row.siteCode ?? "-"} ${row.address ?? "-"} ${row.outcome}`);
}

const siteAccess = () => db.site.findUniqueOrThrow({ where: { code: "BPC" }, select: { instructionBoxAccess: true, instructionBoxTokenHash: true } });

async function switchToToken(): Promise<string> {
  const change = await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
  expect(change.generatedToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return change.generatedToken!;
}

beforeAll(async () => {
  // The requests below are built by hand, not received on a socket: they come as if through one
  // trusted reverse proxy, which names the client in X-Forwarded-For.
  process.env.SMS_TRUSTED_PROXY_HOPS = "1";
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  // A job offered since 2020 that never expires, so the client has a file whenever the test runs.
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: [CLIENT] }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  await activateJob({ jobId: await createJob({ input }) });
});

beforeEach(async () => {
  await db.site.updateMany({ data: { instructionBoxAccess: "open", instructionBoxTokenHash: null } });
  await flushInstructionFileFetches();
  await db.instructionFileFetch.deleteMany();
  await db.auditEvent.deleteMany();
  // Clients fetch without a session: nobody is signed in while the route runs.
  bindProcessActor(undefined);
});

afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("GET /pcmins.box/<SMS ID>.INS on an open site", () => {
  it("serves the file without a token, as an attachment clients must revalidate", async () => {
    const response = await fetchFile(`${CLIENT}.INS`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${CLIENT}.INS"`);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(decodeInstructionFile(new Uint8Array(await response.arrayBuffer()))).toHaveLength(1);
    expect(await fetchOutcomes()).toEqual([`${CLIENT}.INS BPC ${ADDRESS} served`]);
  });

  it("answers 304 to a client whose copy is current, by ETag or by date, and logs it", async () => {
    const first = await fetchFile(`${CLIENT}.INS`);
    const byTag = await fetchFile(`${CLIENT}.INS`, { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get("etag")).toBe(first.headers.get("etag"));
    const byDate = await fetchFile(`${CLIENT}.INS`, { headers: { "If-Modified-Since": first.headers.get("last-modified")! } });
    expect(byDate.status).toBe(304);
    const stale = await fetchFile(`${CLIENT}.INS`, { headers: { "If-None-Match": '"something-else"' } });
    expect(stale.status).toBe(200);
    expect((await fetchOutcomes()).map((row) => row.split(" ").at(-1))).toEqual(["served", "not-modified", "not-modified", "served"]);
  });

  it("answers HEAD with GET's headers and no body, and logs it", async () => {
    const response = await fetchFile(`${CLIENT}.INS`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${CLIENT}.INS"`);
    expect(response.body).toBeNull();
    expect(await fetchOutcomes()).toEqual([`${CLIENT}.INS BPC ${ADDRESS} served`]);
  });

  it("answers 404, not stored, for a client not in inventory or with nothing offered", async () => {
    const unknown = await fetchFile(`${UNKNOWN_BPC_CLIENT}.INS`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const empty = await fetchFile("BPC01001.INS");
    expect(empty.status).toBe(404);
    expect(await empty.text()).toMatch(/No instruction file/);
    expect(await fetchOutcomes()).toEqual([`${UNKNOWN_BPC_CLIENT}.INS BPC ${ADDRESS} not-found`, `BPC01001.INS BPC ${ADDRESS} not-found`]);
  });

  it("refuses a name that is not an SMS ID", async () => {
    expect((await fetchFile("..%2Fsecret.INS")).status).toBe(400);
    expect((await fetchFile("MDM0000.INS")).status).toBe(400);
  });
});

describe("GET /pcmins.box/<SMS ID>.INS on a token site", () => {
  it("refuses a missing or wrong token with 401, logs and audits it, and serves with the token in the query or the header", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const token = await switchToToken();
    bindProcessActor(undefined);
    await db.auditEvent.deleteMany();

    const missing = await fetchFile(`${CLIENT}.INS`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("PCMINS-Token");
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(missing.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect((await fetchFile(`${CLIENT}.INS`, { token: `${token}x` })).status).toBe(401);
    expect((await fetchFile(`${CLIENT}.INS`, { header: "wrong" })).status).toBe(401);

    const byQuery = await fetchFile(`${CLIENT}.INS`, { token });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get("cache-control")).toBe("private, no-cache");
    expect((await fetchFile(`${CLIENT}.INS`, { header: token })).status).toBe(200);

    expect(await fetchOutcomes()).toEqual([
      `${CLIENT}.INS BPC ${ADDRESS} refused`,
      `${CLIENT}.INS BPC ${ADDRESS} refused`,
      `${CLIENT}.INS BPC ${ADDRESS} refused`,
      `${CLIENT}.INS BPC ${ADDRESS} served`,
      `${CLIENT}.INS BPC ${ADDRESS} served`,
    ]);
    // Three refusals from one client in one window: one audit row that counts them.
    const audit = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, outcome: true, objectId: true, address: true, actorName: true, detail: true, repeats: true } });
    expect(audit).toEqual([
      { action: "instruction-file.fetch", outcome: "refused", objectId: `${CLIENT}.INS`, address: ADDRESS, actorName: "anonymous", detail: "site BPC requires its token: no token was given", repeats: 3 },
    ]);
  });

  it("writes one audit row per client and window however many fetches it has refused", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    await switchToToken();
    bindProcessActor(undefined);
    await db.auditEvent.deleteMany();
    // Hundreds of refused fetches from one address, and a few from a second.
    for (let index = 0; index < 200; index++) expect((await fetchFile(`BPC${String(index).padStart(5, "0")}.INS`)).status).toBe(401);
    for (let index = 0; index < 3; index++) expect((await fetchFile(`${CLIENT}.INS`, { headers: { "x-forwarded-for": "10.9.9.9" } })).status).toBe(401);
    const audit = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { address: true, repeats: true, lastAt: true } });
    expect(audit.map((row) => [row.address, row.repeats])).toEqual([
      [ADDRESS, 200],
      ["10.9.9.9", 3],
    ]);
    expect(audit.every((row) => row.lastAt !== null)).toBe(true);
    // The fetch log still has each one.
    await flushInstructionFileFetches();
    expect(await db.instructionFileFetch.count({ where: { outcome: "refused" } })).toBe(203);
  });

  it("does not tell a caller without the token whether a client of the site exists", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const token = await switchToToken();
    bindProcessActor(undefined);
    expect((await fetchFile(`${UNKNOWN_BPC_CLIENT}.INS`)).status).toBe(401);
    expect((await fetchFile("BPC01001.INS")).status).toBe(401);
    expect((await fetchFile(`${UNKNOWN_BPC_CLIENT}.INS`, { token })).status).toBe(404);
    // An open site's unknown clients still get 404.
    expect((await fetchFile("VAQZZZZZ.INS")).status).toBe(404);
  });

  it("stops accepting the old token once a new one is generated", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const oldToken = await switchToToken();
    const rotated = await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ rotateToken: "on" }) });
    bindProcessActor(undefined);
    expect(rotated).toMatchObject({ mode: "token", hasToken: true });
    expect(rotated.generatedToken).not.toBe(oldToken);
    expect((await fetchFile(`${CLIENT}.INS`, { token: oldToken })).status).toBe(401);
    expect((await fetchFile(`${CLIENT}.INS`, { header: rotated.generatedToken! })).status).toBe(200);
  });
});

describe("changing a site's PCMINS.BOX access", () => {
  beforeEach(() => bindProcessActor(TEST_ADMINISTRATOR));

  it("generates a token only when token mode has none, keeps it when opened again, and audits each change without the token", async () => {
    const token = await switchToToken();
    expect(await siteAccess()).toEqual({ instructionBoxAccess: "token", instructionBoxTokenHash: hashAccessToken(token) });
    // Token mode again: nothing new to show.
    expect(await changeInstructionBoxAccess({ siteCode: "BPC", input: { mode: "token", rotateToken: false } })).toEqual({ siteCode: "BPC", mode: "token", hasToken: true, generatedToken: null });
    const opened = await changeInstructionBoxAccess({ siteCode: "BPC", input: { mode: "open", rotateToken: false } });
    expect(opened).toEqual({ siteCode: "BPC", mode: "open", hasToken: true, generatedToken: null });
    expect(await getInstructionBoxAccess({ siteCode: "BPC" })).toEqual({ siteCode: "BPC", siteName: "BPC Primary Site", mode: "open", hasToken: true, canChange: true });

    bindProcessActor(undefined);
    expect((await fetchFile(`${CLIENT}.INS`)).status).toBe(200);

    const audit = await db.auditEvent.findMany({ where: { action: "site.instruction-box-access" }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.objectId, row.before, row.after, row.detail, row.actorName])).toEqual([
      ["BPC", '{"mode":"open","hasToken":false}', '{"mode":"token","hasToken":true}', "token generated", TEST_ADMINISTRATOR.name],
      ["BPC", '{"mode":"token","hasToken":true}', '{"mode":"token","hasToken":true}', null, TEST_ADMINISTRATOR.name],
      ["BPC", '{"mode":"token","hasToken":true}', '{"mode":"open","hasToken":true}', null, TEST_ADMINISTRATOR.name],
    ]);
    const everything = JSON.stringify(await db.auditEvent.findMany());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(hashAccessToken(token));
  });

  it("never returns the token or its hash from reads", async () => {
    const token = await switchToToken();
    bindProcessActor(undefined);
    await fetchFile(`${CLIENT}.INS`, { token });
    await fetchFile(`${CLIENT}.INS`, { token: "wrong" });
    bindProcessActor(testActor("viewer"));
    const reads = JSON.stringify([await getInstructionBoxAccess({ siteCode: "BPC" }), await listInstructionFileFetches({ page: 1 })]);
    expect(reads).not.toContain(token);
    expect(reads).not.toContain(hashAccessToken(token));
    expect(reads).not.toContain("wrong");
    expect(await getInstructionBoxAccess({ siteCode: "BPC" })).toMatchObject({ mode: "token", hasToken: true, canChange: false });
  });

  it.each(["viewer", "operator"] as const)("refuses a %s and leaves the site as it was", async (role) => {
    await switchToToken();
    const before = await siteAccess();
    bindProcessActor(testActor(role));
    for (const input of [{ mode: "open" as const, rotateToken: false }, { rotateToken: true }]) {
      await expect(changeInstructionBoxAccess({ siteCode: "BPC", input })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await siteAccess()).toEqual(before);
    const refusals = await db.auditEvent.findMany({ where: { outcome: "refused" }, select: { action: true, objectType: true, objectId: true, actorName: true } });
    expect(refusals).toEqual([
      { action: "authorization", objectType: "site", objectId: "BPC", actorName: `test ${role}` },
      { action: "authorization", objectType: "site", objectId: "BPC", actorName: `test ${role}` },
    ]);
  });

  it("refuses a signed-out caller and an unknown site", async () => {
    bindProcessActor(undefined);
    await expect(changeInstructionBoxAccess({ siteCode: "BPC", input: { mode: "token", rotateToken: false } })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getInstructionBoxAccess({ siteCode: "BPC" })).rejects.toMatchObject({ code: "unauthenticated" });
    bindProcessActor(TEST_ADMINISTRATOR);
    await expect(changeInstructionBoxAccess({ siteCode: "ZZZ", input: { mode: "token", rotateToken: false } })).rejects.toMatchObject({ code: "not_found" });
    expect(await siteAccess()).toEqual({ instructionBoxAccess: "open", instructionBoxTokenHash: null });
  });

  it("reads the form's values with the shared schema", () => {
    expect(instructionBoxAccessInputSchema.parse({ mode: "token" })).toEqual({ mode: "token", rotateToken: false });
    expect(instructionBoxAccessInputSchema.parse({ mode: "", rotateToken: "on" })).toEqual({ mode: undefined, rotateToken: true });
    expect(instructionBoxAccessInputSchema.safeParse({ mode: "everyone" }).error?.issues[0]?.message).toBe("Access to instruction files must be one of open, token");
  });
});

describe("the fetch log", () => {
  it("never fails a client's GET when the log cannot be written, and logs again once it can", async () => {
    const failing = vi.spyOn(db.instructionFileFetch, "createMany").mockRejectedValueOnce(new Error("database is locked"));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect((await fetchFile(`${CLIENT}.INS`)).status).toBe(200);
      expect(await fetchOutcomes()).toEqual([]);
      expect(quiet).toHaveBeenCalledWith(expect.stringContaining("1 fetch(es) are not logged"));
      expect((await fetchFile(`${CLIENT}.INS`)).status).toBe(200);
      expect(await fetchOutcomes()).toEqual([`${CLIENT}.INS BPC ${ADDRESS} served`]);
    } finally {
      failing.mockRestore();
      quiet.mockRestore();
    }
  });

  it("writes a full batch without waiting for the timer", async () => {
    await Promise.all(Array.from({ length: FETCH_LOG_BATCH }, () => fetchFile(`${CLIENT}.INS`)));
    // vi.waitFor's own default gives up after 1 s: a loaded CI run wrote the batch later than that.
    await vi.waitFor(async () => expect(await db.instructionFileFetch.count()).toBe(FETCH_LOG_BATCH), { timeout: 120_000, interval: 100 });
  });
});

describe("recent fetches", () => {
  it("lists fetches newest first, filtered by SMS ID, outcome and site", async () => {
    await fetchFile(`${CLIENT}.INS`);
    await fetchFile(`${UNKNOWN_BPC_CLIENT}.INS`);
    await fetchFile("VAQZZZZZ.INS");
    bindProcessActor(testActor("viewer"));
    const all = await listInstructionFileFetches({ page: 1 });
    expect(all.total).toBe(3);
    expect(all.items.map((row) => row.fileName)).toEqual(["VAQZZZZZ.INS", `${UNKNOWN_BPC_CLIENT}.INS`, `${CLIENT}.INS`]);
    expect((await listInstructionFileFetches({ page: 1, search: "mdm" })).items.map((row) => row.outcome)).toEqual(["served"]);
    expect((await listInstructionFileFetches({ page: 1, outcome: "not-found" })).total).toBe(2);
    expect((await listInstructionFileFetches({ page: 1, outcome: "not-found", siteCode: "BPC" })).items.map((row) => row.fileName)).toEqual([`${UNKNOWN_BPC_CLIENT}.INS`]);
  });
});

describe("token helpers", () => {
  it("compares a presented token with the stored hash", () => {
    const hash = hashAccessToken("secret");
    expect(isAccessTokenValid("secret", hash)).toBe(true);
    expect(isAccessTokenValid("Secret", hash)).toBe(false);
    expect(isAccessTokenValid(null, hash)).toBe(false);
    expect(isAccessTokenValid("secret", null)).toBe(false);
    expect(isAccessTokenValid("secret", "not hex")).toBe(false);
  });

  it.each([
    ["MDM00005.INS", "MDM00005.INS"],
    ['a"b\r\n.ins', "AB.INS"],
    ["x/../y;.INS", "X..Y.INS"],
  ])("sanitises %j to %j", (fileName, expected) => {
    expect(sanitisedFileName(fileName)).toBe(expected);
  });
});
