import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { type Actor, can, type Permission } from "@/lib/access/roles";
import { authorize, currentActor } from "@/lib/data/accounts/session";
import { asDomainError, type DomainError, HTTP_STATUS_OF } from "@/lib/errors";
import { passwordChangeHref } from "../sign-in/next-path";

/**
 * First line of every console page: signed-out users go to sign-in, and a role without the
 * permission gets the 403 page. The data layer checks again; this only spares a half-rendered page.
 */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  if (actor.mustChangePassword) return redirectToPasswordChange();
  if (!can(actor.role, permission)) forbidden();
  return actor;
}

/**
 * A user signed in with a password an administrator set goes to choose their own first, and then
 * back to the page asked for. Every page does this; the data layer refuses their actions anyway.
 */
export async function redirectToPasswordChange(): Promise<never> {
  redirect(passwordChangeHref((await headers()).get("x-sms-path")));
}

/** To sign-in, and back to the page asked for afterwards (proxy.ts passes its path on). */
export async function redirectToSignIn(): Promise<never> {
  const path = (await headers()).get("x-sms-path");
  redirect(path && path !== "/" ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
}

/**
 * First step of every server action, before its input is parsed: null when the actor may go on,
 * else the refusal ("The Viewer role may not ...", or a database fault), written to the audit trail by `authorize`.
 */
export async function actionRefusal(permission: Permission, object?: { type: string; id?: string | null }): Promise<DomainError | null> {
  try {
    await authorize(permission, object);
    return null;
  } catch (error) {
    // A database fault while checking (disk full, unreachable) refuses with its message too.
    const refusal = asDomainError(error);
    if (refusal) return refusal;
    throw error;
  }
}

/** First step of every route handler: null when the actor may go on, else a 401 or 403 JSON answer. */
export async function routeRefusal(permission: Permission): Promise<Response | null> {
  const refusal = await actionRefusal(permission);
  return refusal && Response.json({ error: refusal.message }, { status: HTTP_STATUS_OF[refusal.code], headers: { "Cache-Control": "no-store" } });
}
