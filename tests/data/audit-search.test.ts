import { beforeAll, describe, expect, it } from "vitest";
import { auditFiltersSchema, type AuditFilters } from "@/lib/audit/filters";
import { db } from "@/lib/db";
import { openAuditExport, listAuditChoices, searchAuditEvents } from "@/lib/data/audit/audit-search";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { DomainError } from "@/lib/errors";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";

function filters(input: Record<string, string> = {}): AuditFilters {
  return auditFiltersSchema.parse(input);
}

const BASE = Date.parse("2026-11-20T00:00:00Z");

beforeAll(async () => {
  await db.auditEvent.deleteMany();
  await db.auditEvent.createMany({
    data: [
      { at: new Date(BASE + 1 * 3_600_000), actorName: "ada@example.com", actorRole: "operator", action: "job.send", outcome: "success", objectType: "job", objectId: "BPC00007", after: '{"state":"active"}' },
      { at: new Date(BASE + 2 * 3_600_000), actorName: "bob@example.com", actorRole: "viewer", action: "authorization", outcome: "refused", objectType: "job", objectId: "BPC00007", detail: "needs permission jobs:write" },
      { at: new Date(BASE + 26 * 3_600_000), actorName: "ada@example.com", actorRole: "operator", action: "package.update", outcome: "success", objectType: "package", objectId: "BPC0000A", before: '{"name":"Old"}', after: '{"name":"New"}' },
      { at: new Date(BASE + 27 * 3_600_000), actorName: "cli (root@host)", actorRole: "administrator", action: "user.create", outcome: "success", objectType: "user", objectId: "u-1" },
      { at: new Date(BASE + 28 * 3_600_000), actorName: "ada@example.com", action: "auth.sign-in", outcome: "failure", objectType: "session" },
    ],
  });
});

async function actions(input: Record<string, string>): Promise<string[]> {
  return (await searchAuditEvents({ filters: filters(input), page: 1 })).items.map((event) => event.action);
}

describe("audit search", () => {
  it("lists newest first with UTC ISO times", async () => {
    const page = await searchAuditEvents({ filters: filters(), page: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((event) => event.at)).toEqual(["2026-11-21T04:00:00.000Z", "2026-11-21T03:00:00.000Z", "2026-11-21T02:00:00.000Z", "2026-11-20T02:00:00.000Z", "2026-11-20T01:00:00.000Z"]);
    expect(page.items[2]).toMatchObject({ before: '{"name":"Old"}', after: '{"name":"New"}' });
  });

  it.each<[Record<string, string>, string[]]>([
    [{ user: "ada" }, ["auth.sign-in", "package.update", "job.send"]],
    [{ user: "root@" }, ["user.create"]],
    [{ objectType: "job" }, ["authorization", "job.send"]],
    [{ objectType: "job", objectId: "BPC00007", outcome: "refused" }, ["authorization"]],
    [{ action: "job.send" }, ["job.send"]],
    [{ action: "job." }, ["job.send"]],
    [{ action: "user.*" }, ["user.create"]],
    [{ outcome: "failure" }, ["auth.sign-in"]],
    [{ from: "2026-11-21" }, ["auth.sign-in", "user.create", "package.update"]],
    [{ to: "2026-11-20" }, ["authorization", "job.send"]],
    [{ from: "2026-11-21T03:00", to: "2026-11-21T03:00" }, ["user.create"]],
    [{ user: "ada", from: "2026-11-21", outcome: "success" }, ["package.update"]],
  ])("filters by %j", async (input, expected) => {
    expect(await actions(input)).toEqual(expected);
  });

  it("offers the object types and actions the trail holds", async () => {
    expect(await listAuditChoices()).toEqual({
      objectTypes: ["job", "package", "session", "user"],
      actions: ["auth.sign-in", "authorization", "job.send", "package.update", "user.create"],
    });
  });

  it.each(["operator", "viewer"] as const)("refuses the %s role", async (role) => {
    bindProcessActor(testActor(role));
    try {
      await expect(searchAuditEvents({ filters: filters(), page: 1 })).rejects.toBeInstanceOf(DomainError);
      await expect(openAuditExport({ filters: filters() })).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      bindProcessActor(TEST_ADMINISTRATOR);
    }
  });
});

describe("audit export", () => {
  it("reads every matching row in batches, newest first, and audits the export", async () => {
    const start = Date.parse("2025-01-01T00:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 2_345 }, (_, index) => ({ at: new Date(start + index * 1000), actorName: "bulk", action: "job.bulk", outcome: "success", objectType: "bulk", objectId: String(index) })),
    });
    const rows = [];
    for await (const row of await openAuditExport({ filters: filters({ objectType: "bulk" }) })) rows.push(row);
    expect(rows).toHaveLength(2_345);
    expect(rows[0]!.objectId).toBe("2344");
    expect(rows.at(-1)!.objectId).toBe("0");
    expect(new Set(rows.map((row) => row.id)).size).toBe(2_345);
    expect(await db.auditEvent.findFirst({ where: { action: "audit.export" }, select: { actorName: true, detail: true } })).toEqual({ actorName: TEST_ADMINISTRATOR.name, detail: "filters: objectType=bulk" });
  });
});
