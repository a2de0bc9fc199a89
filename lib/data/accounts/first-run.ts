import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access/roles";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError, isDomainError } from "@/lib/errors";
import { generatePassword } from "@/lib/users/generate-password";
import type { FirstAdministratorInput } from "@/lib/users/schema";
import { recordAudit, recordAuditEvent } from "../audit/audit";
import { authorize, requestAddress } from "./session";
import { createUser, insertUser } from "./users";

/**
 * The first administrator. The console ships with no account and no default password: while no
 * user exists, `npm start` prints a one-time link (`sms user first-run`) whose token only its
 * SHA-256 hash is stored, in a Verification row that expires after an hour. Creating the first
 * administrator through it consumes the token, and it is refused once any user exists.
 */
export const FIRST_ADMINISTRATOR_IDENTIFIER = "first-administrator";
export const SETUP_LINK_LIFETIME_MS = 60 * 60 * 1000;
export const FIRST_RUN_ACTOR_NAME = "first-run setup";

export type SetupLinkState = "valid" | "invalid" | "done";

function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

async function hasUsers(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/**
 * Issues a new setup token (replacing any earlier one) while no user exists; null once one does.
 * Only a local process may ask: the CLI run by `npm start` on the console's own machine.
 */
export async function issueSetupToken(options: { now?: Date } = {}): Promise<{ token: string; expiresAt: Date } | null> {
  const actor = await authorize("users:manage", { type: "user" });
  if (await hasUsers()) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date((options.now ?? new Date()).getTime() + SETUP_LINK_LIFETIME_MS);
  await db.$transaction(async (tx) => {
    await tx.verification.deleteMany({ where: { identifier: FIRST_ADMINISTRATOR_IDENTIFIER } });
    await tx.verification.create({ data: { id: randomUUID(), identifier: FIRST_ADMINISTRATOR_IDENTIFIER, value: tokenHash(token), expiresAt } });
    await recordAudit(tx, { actor, action: "user.setup-link", objectType: "user", detail: `one-time first-administrator link, valid until ${expiresAt.toISOString()}` });
  });
  return { token, expiresAt };
}

async function isTokenCurrent(token: string, now: Date): Promise<boolean> {
  if (!token) return false;
  const row = await db.verification.findFirst({ where: { identifier: FIRST_ADMINISTRATOR_IDENTIFIER, value: tokenHash(token), expiresAt: { gt: now } }, select: { id: true } });
  return row !== null;
}

/** What the setup page shows for a link: the form, "not valid or expired", or "already set up". */
export async function setupLinkState(options: { token: string; now?: Date }): Promise<SetupLinkState> {
  if (await hasUsers()) return "done";
  return (await isTokenCurrent(options.token, options.now ?? new Date())) ? "valid" : "invalid";
}

const ALREADY_SET_UP = new DomainError("conflict", "The first administrator already exists; sign in, or ask an administrator for an account");
const LINK_NOT_VALID = new DomainError("forbidden", "This setup link is not valid or has expired. Restart the console (npm start) to print a new one.");

/**
 * Creates the first administrator, authorized by the setup token rather than a session; returns
 * the new user's ID. Every refusal is written to the audit trail.
 */
export async function createFirstAdministrator(options: { token: string; input: FirstAdministratorInput; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const address = await requestAddress();
  const actor: Actor = { userId: null, name: FIRST_RUN_ACTOR_NAME, role: "administrator", address, sessionId: null };
  try {
    if (await hasUsers()) throw ALREADY_SET_UP;
    // Checked before hashing, so a guessed token costs no argon2 work.
    if (!(await isTokenCurrent(options.token, now))) throw LINK_NOT_VALID;
    const passwordHash = await hashPassword(options.input.password);
    const { email, name, password } = options.input;
    return await db.$transaction(async (tx) => {
      const consumed = await tx.verification.deleteMany({ where: { identifier: FIRST_ADMINISTRATOR_IDENTIFIER, value: tokenHash(options.token), expiresAt: { gt: now } } });
      if (consumed.count !== 1) throw LINK_NOT_VALID;
      if ((await tx.user.count()) > 0) throw ALREADY_SET_UP;
      // They typed this password themselves: nothing to change at first sign-in.
      return insertUser(tx, { input: { email, name, password, role: "administrator" }, passwordHash, actor, mustChangePassword: false });
    });
  } catch (error) {
    if (isDomainError(error)) {
      await recordAuditEvent({ actor: null, claimedName: FIRST_RUN_ACTOR_NAME, address, action: "user.create", outcome: "refused", objectType: "user", detail: error.message });
    }
    throw error;
  }
}

export const DEMO_ADMINISTRATOR = { email: "demo-admin@sms-console.local", name: "Demo administrator" } as const;

/**
 * With the demo just loaded into an empty database, a clearly labelled demo administrator with a
 * random password (printed once by `npm start`) stands in for the setup link. Null once any user exists.
 * The printed password is a one-time password like any other an administrator hands out, so the
 * first sign-in asks for a new one.
 */
export async function createDemoAdministrator(): Promise<{ email: string; password: string } | null> {
  await authorize("users:manage", { type: "user" });
  if (await hasUsers()) return null;
  const password = generatePassword();
  await createUser({ input: { ...DEMO_ADMINISTRATOR, role: "administrator", password }, mustChangePassword: true });
  return { email: DEMO_ADMINISTRATOR.email, password };
}
