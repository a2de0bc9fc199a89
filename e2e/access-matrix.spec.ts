import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { can, type Permission, type Role, ROLES } from "@/lib/access/roles";
import { storageStateOf } from "./support/accounts";
import { auditRows, countRows, lastAuditId } from "./support/database";

// Every page, route handler and server action, signed out and as each role: what a role may not use
// answers 401/403 or a refusal, leaks nothing, and changes nothing in the database.

type Who = Role | "signed out";
const EVERYONE: Who[] = ["signed out", ...ROLES];

const PAGES: [path: string, permission: Permission][] = [
  ["/", "console:read"],
  ["/jobs", "console:read"],
  ["/jobs/new", "jobs:write"],
  ["/jobs/BPC00001", "console:read"],
  ["/jobs/GBL00001/edit", "jobs:write"],
  ["/jobs/BPC00001/preview", "console:read"],
  ["/jobs/BPC00001/simulation", "console:read"],
  ["/jobs/BPC00001/simulation/MDM00005", "console:read"],
  ["/packages", "console:read"],
  ["/packages/new", "packages:write"],
  ["/packages/BPC0000A", "console:read"],
  ["/packages/BPC0000A/edit", "packages:write"],
  ["/instruction-box", "console:read"],
  ["/instruction-box/MDM00005", "console:read"],
  ["/instruction-box/upload", "console:read"],
  ["/instruction-box/fetches", "console:read"],
  ["/sites", "console:read"],
  ["/sites/new", "sites:write"],
  ["/sites/BPC", "console:read"],
  ["/sites/BPC/edit", "sites:write"],
  // Every role may see whether a site's box is open; only an administrator gets the form.
  ["/sites/BPC/instruction-box-access", "console:read"],
  ["/sites/BPC/servers/new", "sites:write"],
  ["/sites/BPC/servers/CNS-SMS/edit", "sites:write"],
  ["/computers", "console:read"],
  ["/computers/new", "sites:write"],
  ["/computers/MDM00005", "console:read"],
  ["/computers/MDM00005/edit", "sites:write"],
  ["/machine-groups", "console:read"],
  ["/machine-groups/new", "sites:write"],
  ["/queries", "console:read"],
  ["/queries/new", "sites:write"],
  ["/rules", "console:read"],
  ["/import-export", "console:read"],
  ["/account", "console:read"],
  ["/users", "users:manage"],
  ["/users/new", "users:manage"],
  ["/audit", "audit:read"],
];

const ROUTES: [path: string, permission: Permission][] = [
  ["/computers/MDM00005/instructions", "console:read"],
  ["/instruction-box/archive", "console:read"],
  ["/import-export/site-document", "console:read"],
  ["/audit/export", "audit:read"],
];

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async () => {
  for (const who of EVERYONE) {
    contexts.set(who, await playwrightRequest.newContext({ baseURL, storageState: who === "signed out" ? undefined : storageStateOf(who), maxRedirects: 0 }));
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

test("pages: each role sees what it may, and is refused the rest", async () => {
  const before = await countRows();
  for (const [page, permission] of PAGES) {
    for (const who of EVERYONE) {
      const response = await contexts.get(who)!.get(page);
      const label = `${who} GET ${page}`;
      if (who === "signed out") {
        expect(response.status(), label).toBe(307);
        expect(response.headers().location, label).toMatch(/\/sign-in/);
      } else if (can(who, permission)) {
        expect(response.status(), label).toBe(200);
      } else {
        expect(response.status(), label).toBe(403);
        expect(await response.text(), label).toContain("Not allowed");
      }
    }
  }
  expect(await countRows()).toEqual(before);
});

test("route handlers: 401 signed out, 403 for a role without the permission", async () => {
  for (const [route, permission] of ROUTES) {
    for (const who of EVERYONE) {
      const response = await contexts.get(who)!.get(route);
      const label = `${who} GET ${route}`;
      const expected = who === "signed out" ? 401 : can(who, permission) ? 200 : 403;
      expect(response.status(), label).toBe(expected);
      if (expected !== 200) expect(response.headers()["content-disposition"], label).toBeUndefined();
    }
  }
});

/** Server actions of the production build, with the page that serves each and what it needs. */
function serverActions(): { id: string; page: string; permission: Permission | "signed-in" | "public"; file: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const demoParams: Record<string, string> = { "[jobId]": "GBL00001", "[packageId]": "BPC0000A", "[siteCode]": "BPC", "[serverName]": "CNS-SMS", "[smsId]": "MDM00005", "[machineGroupId]": "1", "[userId]": "unknown" };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((name) => name.endsWith("/page")) ?? Object.keys(entry.workers)[0]!;
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .split("/")
        .map((segment) => demoParams[segment] ?? segment)
        .join("/") || "/";
    const file = entry.filename ?? worker;
    const permission = permissionOfAction(file, page);
    return { id, page, permission, file: `${file}#${entry.exportedName ?? id}` };
  });
}

function permissionOfAction(file: string, page: string): Permission | "signed-in" | "public" {
  const where = `${file} ${page}`;
  if (/sign-in|setup/.test(where)) return "public";
  if (/account|change-password/.test(where)) return "signed-in";
  if (/users/.test(where)) return "users:manage";
  if (/packages/.test(where)) return "packages:write";
  if (/jobs/.test(where)) return "jobs:write";
  if (/sites|computers|machine-groups|queries|import-export|instruction-box-access/.test(where)) return "sites:write";
  return "console:read";
}

async function callAction(context: APIRequestContext, action: { id: string; page: string }, origin = baseURL) {
  // Arguments as the browser encodes them for a form action: [previous state]; no form data, so an
  // action that let the call through would fail its validation, never change anything silently.
  return context.post(action.page, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
    data: JSON.stringify([{ status: "idle" }]),
  });
}

test("server actions: refused for signed-out users and roles without the permission, with nothing changed", async () => {
  const actions = serverActions().filter((action) => action.permission !== "public");
  expect(actions.length).toBeGreaterThan(10);
  const before = await countRows();
  const since = await lastAuditId();
  let refusals = 0;
  for (const action of actions) {
    for (const who of EVERYONE) {
      const allowed = who !== "signed out" && (action.permission === "signed-in" || can(who, action.permission as Permission));
      if (allowed) continue;
      const response = await callAction(contexts.get(who)!, action);
      const body = await response.text();
      const label = `${who} → ${action.file} on ${action.page}`;
      expect(body, label).toMatch(who === "signed out" ? /Sign in to continue|\/sign-in/ : /role may not/);
      refusals++;
    }
  }
  expect(refusals).toBeGreaterThan(0);
  expect(await countRows()).toEqual(before);
  // Refused changes by signed-in users are in the audit trail.
  expect((await auditRows({ action: "authorization", outcome: "refused", since })).length).toBeGreaterThan(0);
});

test("cross-origin posts to every server action and route are refused before they run", async () => {
  const before = await countRows();
  const administrator = contexts.get("administrator")!;
  for (const action of serverActions()) {
    for (const origin of ["http://evil.example", "null"]) {
      const response = await callAction(administrator, action, origin);
      expect(response.status(), `${action.file} from ${origin}`).toBe(403);
    }
  }
  const noOrigin = await administrator.fetch("/jobs/review-draft", { method: "POST", headers: { "Content-Type": "application/json" }, data: "{}" });
  expect(noOrigin.status()).toBe(403);
  const nullOrigin = await administrator.fetch("/import-export/site-document", { method: "POST", headers: { Origin: "null" }, data: "{}" });
  expect(nullOrigin.status()).toBe(403);
  expect(await countRows()).toEqual(before);
});
