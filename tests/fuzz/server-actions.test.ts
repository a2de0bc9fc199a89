import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getAuth } from "@/lib/data/accounts/auth-server";
import { loadDemoIfEmpty } from "@/lib/data/console/demo";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { changeCount, installChangeCounter } from "../support/change-counter";
import { hostileForm, hostileText } from "./hostile-input";

// Issue 14: every server action, given any form (hostile field names, values, files; or no form at
// all, as a call made by hand sends) and any bound
// arguments, answers with a refusal its form can show, or succeeds; it never throws what would be a
// 500, and a refusal changes no row. Outside Next.js the request scope is stood in for: navigation
// helpers throw what Next turns into a redirect or a 4xx page, and caches are no-ops.

class NavigationInterrupt extends Error {
  constructor(readonly kind: "redirect" | "not-found" | "forbidden" | "unauthorized") {
    super(kind);
  }
}

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: () => {
    throw new NavigationInterrupt("redirect");
  },
  permanentRedirect: () => {
    throw new NavigationInterrupt("redirect");
  },
  notFound: () => {
    throw new NavigationInterrupt("not-found");
  },
  forbidden: () => {
    throw new NavigationInterrupt("forbidden");
  },
  unauthorized: () => {
    throw new NavigationInterrupt("unauthorized");
  },
}));
vi.mock("next/headers", () => {
  const cookieStore = { get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined };
  return {
    headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "user-agent": "fuzz" }),
    cookies: async () => cookieStore,
  };
});

type ServerAction = (...args: unknown[]) => Promise<unknown>;

const APP = path.join(process.cwd(), "app");

function actionFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return entry === "actions.ts" ? [full] : [];
  });
}

/** IDs of the demo's records, so bound arguments sometimes name a real record. */
const DEMO_IDS = ["BPC0000A", "BPC0000B", "GBL00001", "BPC00007", "BPC", "CNS-SMS", "MDM00005", "1", "2", "R36", "R12", "cancel", "complete", "fail", "activate", "unknown"];
/** Real IDs with a control character in or around them. */
const CONTROL_CHARACTER_ARGUMENTS = ["\u0000", "BPC0000A\u0000", "\u0000BPC", "CNS\u0007SMS"];
const boundArgument = fc.oneof(fc.constantFrom(...DEMO_IDS), hostileText, fc.integer(), fc.constant(undefined), fc.constant(null), fc.object());

/** What a refusal looks like in each form's state: status "error", or an error or list of problems. */
function isRefusal(result: unknown): boolean {
  if (!result || typeof result !== "object") return false;
  const state = result as Record<string, unknown>;
  return state.status === "error" || typeof state.error === "string" || (Array.isArray(state.problems) && state.problems.length > 0);
}

const CASES_PER_ACTION = 1_000;
/** Generous, for a busy 2-core machine; the property's own count bounds the work. */
const FUZZ_TIMEOUT_MS = 600_000;
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe("every server action under fuzzed forms and arguments", async () => {
  const modules = await Promise.all(actionFiles(APP).map(async (file) => ({ file: path.relative(process.cwd(), file), exports: (await import(file)) as Record<string, unknown> })));
  const actions = modules.flatMap(({ file, exports }) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === "function")
      .map(([name, action]) => ({ label: `${file}#${name}`, action: action as ServerAction })),
  );

  beforeAll(async () => {
    await loadDemoIfEmpty("1998-11-21T09:00:00");
    // The first use of sign-in keeps a generated cookie secret (a Setting row) once; done here, so
    // that write is not taken for a request's change.
    await getAuth();
    await installChangeCounter();
  });

  it("finds the console's actions", () => {
    expect(actions.length).toBeGreaterThan(30);
  });

  /** One call: a refusal (which must change no row) or a success, and never a crash or pollution. */
  async function callOnce(action: ServerAction, bound: unknown[], state: unknown, form: unknown): Promise<"refused" | "succeeded"> {
    const before = await changeCount();
    let result: unknown;
    try {
      result = await action(...bound, state, form);
    } catch (error) {
      if (!(error instanceof NavigationInterrupt)) throw error;
      result = error.kind === "redirect" ? { status: "redirected" } : { status: "error", error: error.kind };
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort(), "a field name reached Object.prototype").toEqual(PROTOTYPE_KEYS);
    if (!isRefusal(result)) return "succeeded";
    expect(await changeCount(), "a refused request changed a row").toBe(before);
    return "refused";
  }

  it.each(actions.filter(({ action }) => action.length > 2))("$label: a control character in any bound argument is refused, whatever the others name", async ({ action }) => {
    // Found by the fuzz pass (a NUL server name reached PostgreSQL as a 500): tried every run
    // against every real record, not left to the seed.
    bindProcessActor(TEST_ADMINISTRATOR);
    const boundCount = action.length - 2;
    for (let position = 0; position < boundCount; position += 1) {
      for (const hostile of CONTROL_CHARACTER_ARGUMENTS) {
        for (const real of DEMO_IDS) {
          const bound = Array.from({ length: boundCount }, (_, index) => (index === position ? hostile : real));
          expect(await callOnce(action, bound, { status: "idle" }, new FormData()), `${JSON.stringify(bound)} was accepted`).toBe("refused");
        }
      }
    }
  }, FUZZ_TIMEOUT_MS);

  it.each(actions)("$label: a refusal or a success, never a crash, and a refusal changes nothing", async ({ action }) => {
    bindProcessActor(TEST_ADMINISTRATOR);
    // Server actions take their bound arguments first, then the previous state and the form.
    const boundCount = Math.max(0, action.length - 2);
    const outcomes = { refused: 0, succeeded: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(boundArgument, { minLength: boundCount, maxLength: boundCount }), fc.constantFrom({ status: "idle" }, undefined, null, "x"), fc.oneof({ arbitrary: hostileForm, weight: 9 }, { arbitrary: fc.constantFrom(undefined, null, "not a form"), weight: 1 }), async (bound, state, form) => {
        outcomes[await callOnce(action, bound, state, form)] += 1;
      }),
      { numRuns: CASES_PER_ACTION },
    );
    expect(outcomes.refused + outcomes.succeeded).toBe(CASES_PER_ACTION);
  }, FUZZ_TIMEOUT_MS);
});
