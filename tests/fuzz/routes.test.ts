import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemoIfEmpty } from "@/lib/data/console/demo";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { changeCount, installChangeCounter } from "../support/change-counter";
import { hostileText } from "./hostile-input";

// Issue 14: every route handler, given any path parameter, query string, headers and body, answers
// below 500 and reads its whole answer without error; a refused request (4xx) changes no row.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const APP = path.join(process.cwd(), "app");

function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Printable ASCII, as a header value must be; anything else cannot reach a handler. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom("*", '"abc"', "W/\"x\", \"y\"", "Sat, 21 Nov 1998 09:00:00 GMT", "not a date", "1.2.3.4, 5.6.7.8", "0".repeat(300)),
);
const HEADER_NAMES = ["if-none-match", "if-modified-since", "x-pcmins-token", "x-forwarded-for", "content-type", "range", "accept", "x-sms-path"];
const requestHeaders = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 5 });
const QUERY_NAMES = ["token", "search", "user", "objectType", "objectId", "action", "outcome", "from", "to", "page", "format", "__proto__"];
const query = fc.dictionary(fc.constantFrom(...QUERY_NAMES), hostileText, { maxKeys: 5 });
const PARAM_VALUES = ["MDM00005", "MDM00005.INS", "mdm00005.ins", "BPC01001.INS", "XXXXXXXX.INS", "GBL00001", "BPC", "..%2F..", "%c0", ""];
const parameter = fc.oneof(fc.constantFrom(...PARAM_VALUES), hostileText);
const body = fc.oneof(
  hostileText,
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('{"target":{"kind":"COMPUTERS","smsIds":["MDM00005"]}}', '{"__proto__":{"polluted":1}}', "[]", "null", "{".repeat(5_000)),
);

const CASES_PER_ROUTE = 1_000;
/** A handler that reads no request (the whole-box archive, the site document, /health) has no input to fuzz: a few calls prove it answers. */
const CASES_WITHOUT_INPUT = 10;
/** Generous, for a busy 2-core machine; the property's own count bounds the work. */
const FUZZ_TIMEOUT_MS = 600_000;
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe("every route handler under fuzzed requests", async () => {
  const routes = (
    await Promise.all(
      routeFiles(APP).map(async (file) => {
        const relative = path.relative(APP, path.dirname(file));
        const urlPath = "/" + relative.split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)).join("/");
        const parameterNames = [...urlPath.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);
        const exports = (await import(file)) as Record<string, unknown>;
        return METHODS.filter((method) => typeof exports[method] === "function").map((method) => ({ label: `${method} ${urlPath}`, method, urlPath, parameterNames, handler: exports[method] as RouteHandler }));
      }),
    )
  ).flat();

  beforeAll(async () => {
    await loadDemoIfEmpty("1998-11-21T09:00:00");
    await installChangeCounter();
  });

  it("finds the console's routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it.each(routes)("$label: below 500 whatever it is sent, and a refusal changes nothing", async ({ method, urlPath, parameterNames, handler }) => {
    bindProcessActor(TEST_ADMINISTRATOR);
    await fc.assert(
      fc.asyncProperty(fc.array(parameter, { minLength: parameterNames.length, maxLength: parameterNames.length }), query, requestHeaders, body, async (values, search, headers, text) => {
        const params = Object.fromEntries(parameterNames.map((name, index) => [name, values[index]!]));
        const url = new URL(urlPath.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name]!)), "http://localhost:3000");
        for (const [name, value] of Object.entries(search)) url.searchParams.append(name, value);
        const hasBody = method !== "GET" && method !== "HEAD";
        const request = new Request(url, { method, headers: { origin: "http://localhost:3000", ...headers }, body: hasBody ? text : undefined });
        const before = await changeCount();
        const response = await handler(request, { params: Promise.resolve(params) });
        expect(response.status, `${method} ${url.pathname}${url.search}`).toBeLessThan(500);
        // Streamed answers must finish too: read up to 1 MB of it.
        const reader = response.body?.getReader();
        for (let read = 0; reader && read < 1_000_000; ) {
          const chunk = await reader.read();
          if (chunk.done) break;
          read += chunk.value.length;
        }
        await reader?.cancel();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
        if (response.status >= 400) expect(await changeCount(), "a refused request changed a row").toBe(before);
      }),
      { numRuns: handler.length === 0 ? CASES_WITHOUT_INPUT : CASES_PER_ROUTE },
    );
  }, FUZZ_TIMEOUT_MS);
});
