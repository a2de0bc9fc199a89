import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import type { SignInInput } from "@/lib/accounts/schema";
import type { Actor } from "@/lib/access/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { recordAuditEvent, recordRepeatedAuditEvent } from "../audit/audit";
import { clientAddress, getAuth } from "./auth-server";
import { currentActor, sessionActor } from "./session";
import { recordSuccessfulSignIn, refundAddressAttempt } from "./sign-in-throttle";

/** "change-password": signed in, but with a password an administrator set, which must be replaced first. */
export type SignInResult = "signed-in" | "second-factor" | "change-password";

const WRONG_CREDENTIALS = "Email or password is wrong, or the account is disabled.";

/** Better Auth's refusal by the sign-in limit (the before-hook in auth-server.ts), as a domain error. */
function throttled(error: unknown): DomainError | null {
  if (!isAPIError(error) || (error.statusCode !== 429 && error.body?.code !== "SIGN_IN_THROTTLED")) return null;
  return new DomainError("throttled", error.body?.message ?? "Too many sign-in attempts. Try again later.");
}

/**
 * Signs in through Better Auth, whose before-hook counts the attempt against the account and the
 * address (lib/data/accounts/sign-in-throttle.ts). Every outcome lands in the audit trail. The same message
 * answers an unknown e-mail, a wrong password and a disabled account.
 */
export async function signIn(input: SignInInput): Promise<SignInResult> {
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);
  const auth = await getAuth();
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, mustChangePassword: true } });
  // Failures and refusals from one address share a row per window: anyone can cause them at will.
  const audit = (outcome: "success" | "failure" | "refused", detail: string) => {
    const entry = { actor: null, claimedName: input.email, address, action: "auth.sign-in", outcome, objectType: "user", objectId: user?.id ?? null, detail };
    return outcome === "success" ? recordAuditEvent(entry) : recordRepeatedAuditEvent(db, { ...entry, repeatKey: `auth.sign-in ${outcome} ${address ?? "unknown"}` });
  };
  try {
    // A disabled account is refused by Better Auth's admin plugin after the password check, so it
    // costs an attempt and takes as long as any other wrong answer.
    const result = await auth.api.signInEmail({ body: { email: input.email, password: input.password, rememberMe: true }, headers: requestHeaders });
    if ("twoFactorRedirect" in result && result.twoFactorRedirect) {
      // The right password: the address keeps its attempt; the account is cleared after the code.
      await refundAddressAttempt(address);
      await audit("success", "password accepted; second factor required");
      return "second-factor";
    }
  } catch (error) {
    const limit = throttled(error);
    if (limit) {
      await audit("refused", limit.message);
      throw limit;
    }
    // Only Better Auth's own answers (wrong password, disabled account) are a failed sign-in; a
    // database outage is an error, not a wrong password.
    if (!isAPIError(error)) throw error;
    await audit("failure", error.body?.code === "BANNED_USER" ? "account disabled" : "wrong e-mail or password");
    throw new DomainError("invalid", WRONG_CREDENTIALS, [{ path: "password", message: WRONG_CREDENTIALS }]);
  }
  await recordSuccessfulSignIn({ email: input.email, address });
  await audit("success", user?.mustChangePassword ? "signed in; must change the password an administrator set" : "signed in");
  return user?.mustChangePassword ? "change-password" : "signed-in";
}

/** The second step of a sign-in with TOTP: a code from the authenticator, or a backup code. */
export async function verifySecondFactor(code: string): Promise<void> {
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);
  const auth = await getAuth();
  let email: string;
  try {
    const result = /^\d{6}$/.test(code) ? await auth.api.verifyTOTP({ body: { code }, headers: requestHeaders }) : await auth.api.verifyBackupCode({ body: { code }, headers: requestHeaders });
    email = result.user.email;
  } catch (error) {
    const limit = throttled(error);
    const outcome = limit ? "refused" : "failure";
    await recordRepeatedAuditEvent(db, { actor: null, address, action: "auth.second-factor", outcome, objectType: "session", detail: limit?.message ?? "wrong code", repeatKey: `auth.second-factor ${outcome} ${address ?? "unknown"}` });
    if (limit) throw limit;
    throw new DomainError("invalid", "That code is wrong or has expired; sign in again if it keeps failing.", [{ path: "code", message: "That code is wrong or has expired" }]);
  }
  await recordSuccessfulSignIn({ email, address });
  await recordAuditEvent({ actor: null, address, action: "auth.second-factor", outcome: "success", objectType: "session", detail: "signed in" });
}

/** Ends this browser's session: the session row is deleted, so its cookie is refused from now on. */
export async function signOut(): Promise<void> {
  const actor = await currentActor();
  const auth = await getAuth();
  const requestHeaders = await headers();
  if (actor?.sessionId) await db.session.deleteMany({ where: { id: actor.sessionId } });
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  if (actor) await recordAuditEvent({ actor, action: "auth.sign-out", objectType: "session", objectId: actor.sessionId });
}

/** A password check of a signed-in user that failed or was throttled: audited, then the form's error. */
async function refusedPassword(error: unknown, actor: Actor, action: string): Promise<DomainError> {
  const limit = throttled(error);
  await recordAuditEvent({ actor, action, outcome: limit ? "refused" : "failure", objectType: "user", objectId: actor.userId, detail: limit?.message ?? "wrong password" });
  return limit ?? new DomainError("invalid", "Password is wrong", [{ path: "password", message: "Password is wrong" }]);
}

/**
 * Changes the signed-in user's own password after checking the current one (counted against the
 * sign-in limit). Every other session of the user ends; this browser gets a new one. A password an
 * administrator set is then the user's own: the console lets them work again.
 */
export async function changeOwnPassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = await sessionActor();
  if (!actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  const auth = await getAuth();
  try {
    await auth.api.changePassword({ body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (error) {
    const refusal = await refusedPassword(error, actor, "user.change-password");
    throw refusal.code === "invalid" ? new DomainError("invalid", "Current password is wrong", [{ path: "currentPassword", message: "Current password is wrong" }]) : refusal;
  }
  await refundAddressAttempt(actor.address);
  // After Better Auth's write, not in its transaction: a failure here leaves the user asked again, never let through.
  if (actor.mustChangePassword && actor.userId) await db.user.update({ where: { id: actor.userId }, data: { mustChangePassword: false } });
  const detail = actor.mustChangePassword ? "replaced the password an administrator set; other sessions ended" : "own password changed; other sessions ended";
  await recordAuditEvent({ actor, action: "user.change-password", objectType: "user", objectId: actor.userId, detail });
}

/** Starts TOTP enrolment for the signed-in user: the otpauth URI and backup codes, shown once. */
export async function startTwoFactorEnrolment(password: string): Promise<{ totpURI: string; backupCodes: string[] }> {
  const actor = await sessionActor();
  if (!actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  const auth = await getAuth();
  let result;
  try {
    result = await auth.api.enableTwoFactor({ body: { password }, headers: await headers() });
  } catch (error) {
    throw await refusedPassword(error, actor, "auth.two-factor.enable");
  }
  await refundAddressAttempt(actor.address);
  if (!("totpURI" in result)) throw new Error("Better Auth offered no TOTP secret");
  return { totpURI: result.totpURI, backupCodes: result.backupCodes };
}

/** Finishes enrolment: the first code from the authenticator proves it holds the secret. */
export async function confirmTwoFactorEnrolment(code: string): Promise<void> {
  const actor = await sessionActor();
  if (!actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  const auth = await getAuth();
  try {
    await auth.api.verifyTOTP({ body: { code }, headers: await headers() });
  } catch (error) {
    const limit = throttled(error);
    await recordAuditEvent({ actor, action: "auth.two-factor.enable", outcome: limit ? "refused" : "failure", objectType: "user", objectId: actor.userId, detail: limit?.message ?? "wrong code" });
    if (limit) throw limit;
    throw new DomainError("invalid", "That code is wrong; check the authenticator's clock", [{ path: "code", message: "That code is wrong" }]);
  }
  await refundAddressAttempt(actor.address);
  await recordAuditEvent({ actor, action: "auth.two-factor.enable", objectType: "user", objectId: actor.userId, after: { twoFactorEnabled: true } });
}

export async function disableTwoFactor(password: string): Promise<void> {
  const actor = await sessionActor();
  if (!actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  const auth = await getAuth();
  try {
    await auth.api.disableTwoFactor({ body: { password }, headers: await headers() });
  } catch (error) {
    throw await refusedPassword(error, actor, "auth.two-factor.disable");
  }
  await refundAddressAttempt(actor.address);
  await recordAuditEvent({ actor, action: "auth.two-factor.disable", objectType: "user", objectId: actor.userId, after: { twoFactorEnabled: false } });
}

/** The signed-in user's own account facts for the account page. */
export async function getOwnAccount() {
  const actor = await sessionActor();
  if (!actor?.userId) throw new DomainError("unauthenticated", "Sign in to continue.");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, name: true, role: true, twoFactorEnabled: true, createdAt: true } });
  return { ...user, twoFactorEnabled: user.twoFactorEnabled === true };
}
