import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { cache } from "react";
import { type Actor, can, isRole, type Permission, PERMISSION_LABELS, ROLE_LABELS } from "@/lib/access/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { recordAuditEvent } from "../audit/audit";
import { bindProcessActor, processActor } from "./process-actor";
import { clientAddress, SESSION_IDLE_SECONDS } from "./client-address";

export const PASSWORD_CHANGE_FIRST = "Choose your own password first: the one you signed in with was set by an administrator.";

/** Idle time is recorded at most once a minute per session, not on every request. */
const TOUCH_AFTER_MS = 60_000;

// Processes without requests (the CLI, tests) act as the actor they bound.
export { bindProcessActor };

const scopedActor = new AsyncLocalStorage<Actor>();

/**
 * Runs `work` as `actor`: for the web server's own background work (the job scheduler), which has
 * no request and no session. Only the work's own async calls see the actor; requests running
 * meanwhile keep their session's user.
 */
export function runAsActor<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return scopedActor.run(actor, work);
}

/** The signed-in user of the current request, or null; ends idle sessions and disabled users'. */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const requestHeaders = await requestHeadersOrNull();
  if (!requestHeaders) return null;
  // Loaded on first use: processes without requests (the CLI) never need Better Auth here.
  const { getAuth } = await import("./auth-server");
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } });
  if (!result) return null;
  const { session, user } = result;
  const now = Date.now();
  const idleMs = now - new Date(session.updatedAt).getTime();
  if (user.banned || idleMs > SESSION_IDLE_SECONDS * 1000 || !isRole(user.role)) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS) await db.session.updateMany({ where: { id: session.id }, data: { updatedAt: new Date(now) } });
  return {
    userId: user.id,
    name: user.email,
    role: user.role,
    address: clientAddress(requestHeaders),
    sessionId: session.id,
    mustChangePassword: user.mustChangePassword === true,
  };
});

/** Who is acting: the process's bound principal, else the request's signed-in user. */
export async function currentActor(): Promise<Actor | null> {
  const bound = processActor();
  if (bound) return bound;
  return scopedActor.getStore() ?? sessionActor();
}

/** Outside a request (a script that bound no actor) there are no headers and so nobody signed in. */
async function requestHeadersOrNull(): Promise<Headers | null> {
  try {
    return await headers();
  } catch {
    return null;
  }
}

/** The address of the current request, for audit rows of requests nobody signed in to. */
export async function requestAddress(): Promise<string | null> {
  const boundActor = processActor();
  if (boundActor) return boundActor.address;
  const scoped = scopedActor.getStore();
  if (scoped) return scoped.address;
  const requestHeaders = await requestHeadersOrNull();
  return requestHeaders ? clientAddress(requestHeaders) : null;
}

/**
 * The one authorization check: every data-layer entry point calls it first. Refusals of changes
 * are written to the audit trail; a signed-out read is only turned away.
 */
export async function authorize(permission: Permission, object?: { type: string; id?: string | null }): Promise<Actor> {
  const actor = await currentActor();
  // Checked here, not only by pages: every action and route handler passes through this check.
  const mustChangePassword = actor?.mustChangePassword === true;
  if (actor && !mustChangePassword && can(actor.role, permission)) return actor;
  if (permission !== "console:read") {
    await recordAuditEvent({
      actor,
      address: actor ? undefined : await requestAddress(),
      action: "authorization",
      outcome: "refused",
      objectType: object?.type ?? permission.split(":")[0]!,
      objectId: object?.id ?? null,
      detail: mustChangePassword ? `needs permission ${permission}; the password an administrator set is not changed yet` : `needs permission ${permission}`,
    });
  }
  if (!actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  if (mustChangePassword) throw new DomainError("forbidden", PASSWORD_CHANGE_FIRST);
  throw new DomainError("forbidden", `The ${ROLE_LABELS[actor.role]} role may not ${PERMISSION_LABELS[permission]}.`);
}
