import { createHash, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createDemoAdministrator, createFirstAdministrator, FIRST_ADMINISTRATOR_IDENTIFIER, issueSetupToken, setupLinkState } from "@/lib/data/accounts/first-run";
import { authorize, bindProcessActor, PASSWORD_CHANGE_FIRST } from "@/lib/data/accounts/session";
import { createUser, disableUser, enableUser, getUser, listUserSessions, listUsers, resetUserPassword, revokeUserSessions, setUserRole } from "@/lib/data/accounts/users";
import { DomainError } from "@/lib/errors";
import { createUserSchema, firstAdministratorSchema } from "@/lib/users/schema";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";

const PASSWORD = "correct horse battery staple";

/** A trigger that makes the audit insert of a disable or password reset fail, in each database's dialect. */
const REFUSE_USER_AUDIT_TRIGGER = {
  sqlite: {
    create: [`CREATE TRIGGER refuse_user_audit BEFORE INSERT ON "AuditEvent" WHEN NEW.action IN ('user.disable', 'user.reset-password') BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`],
    drop: ["DROP TRIGGER refuse_user_audit"],
  },
  postgresql: {
    create: [
      `CREATE FUNCTION refuse_user_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."action" IN ('user.disable', 'user.reset-password') THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END $$`,
      `CREATE TRIGGER refuse_user_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_user_audit()`,
    ],
    drop: [`DROP TRIGGER refuse_user_audit ON "AuditEvent"`, "DROP FUNCTION refuse_user_audit()"],
  },
};

async function addUser(email: string, role: "administrator" | "operator" | "viewer" = "operator"): Promise<string> {
  return createUser({ input: createUserSchema.parse({ email, name: email.split("@")[0], role, password: PASSWORD }) });
}

async function addSession(userId: string, lastUsedMinutesAgo = 1): Promise<string> {
  const id = randomUUID();
  await db.session.create({
    data: { id, userId, token: `secret-token-${id}`, expiresAt: new Date(Date.now() + 3_600_000), updatedAt: new Date(Date.now() - lastUsedMinutesAgo * 60_000), ipAddress: "10.1.2.3", userAgent: "Mozilla/5.0" },
  });
  return id;
}

async function auditActions(objectId?: string) {
  return db.auditEvent.findMany({ where: objectId ? { objectId } : {}, orderBy: { id: "asc" }, select: { action: true, outcome: true, actorName: true, before: true, after: true, detail: true } });
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeEach(async () => {
  await db.session.deleteMany();
  await db.account.deleteMany();
  await db.user.deleteMany();
  await db.verification.deleteMany();
  await db.auditEvent.deleteMany();
});

afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("users", () => {
  it("creates a user with an argon2id password sign-in and an audit row, lower-casing the email", async () => {
    const userId = await createUser({ input: createUserSchema.parse({ email: "Ada@Example.com", name: "Ada", role: "operator", password: PASSWORD }) });
    const account = await db.account.findFirstOrThrow({ where: { userId } });
    expect(account).toMatchObject({ providerId: "credential", accountId: userId });
    expect(account.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: "ada@example.com", role: "operator", emailVerified: true, banned: false });
    const [audit] = await auditActions(userId);
    expect(audit).toMatchObject({ action: "user.create", outcome: "success", actorName: TEST_ADMINISTRATOR.name });
    expect(JSON.parse(audit!.after!)).toEqual({ email: "ada@example.com", name: "Ada", role: "operator", disabled: false });
  });

  it("refuses a second user with the same email in any case, on the email field", async () => {
    await addUser("ada@example.com");
    const error = await rejection(addUser("ADA@example.com"));
    expect(error.code).toBe("conflict");
    expect(error.issues).toEqual([{ path: "email", message: "A user with email ada@example.com already exists" }]);
    expect(await db.user.count()).toBe(1);
  });

  it("never returns a password hash, session token or TOTP secret", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId);
    await db.twoFactor.create({ data: { id: randomUUID(), userId, secret: "TOTP-SECRET-VALUE", backupCodes: "BACKUP-CODES" } });
    const everything = JSON.stringify([await listUsers(), await getUser(userId), await listUserSessions({ userId })]);
    for (const secret of ["$argon2id", "secret-token-", "TOTP-SECRET-VALUE", "BACKUP-CODES", "password", "token"]) expect(everything).not.toContain(secret);
    const sessions = await listUserSessions({ userId });
    expect(Object.keys(sessions[0]!).sort()).toEqual(["createdAt", "expiresAt", "id", "ipAddress", "isActive", "lastActivityAt", "userAgent"]);
  });

  it("counts active sessions and reports the last activity", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId, 1);
    await addSession(userId, 45); // idle past 30 minutes: not active
    const [user] = await listUsers();
    expect(user).toMatchObject({ activeSessionCount: 1, isDisabled: false, isTwoFactorEnabled: false });
    // The latest session's last use, read back rather than compared with the clock (no wall-clock margin).
    const sessions = await db.session.findMany({ where: { userId }, select: { updatedAt: true }, orderBy: { updatedAt: "desc" } });
    expect(user!.lastActivityAt).toBe(sessions[0]!.updatedAt.toISOString());
  });

  it("disables a user, ending every session in the same transaction as the audit row; enables again", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId);
    await addSession(userId);
    await disableUser({ userId, reason: "left the company" });
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await getUser(userId)).toMatchObject({ isDisabled: true, disabledReason: "left the company" });
    await enableUser({ userId });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).banned).toBe(false);
    const audits = await auditActions(userId);
    expect(audits.map((audit) => audit.action)).toEqual(["user.create", "user.disable", "user.enable"]);
    expect(audits[1]!.detail).toBe("user ada@example.com; ended 2 sessions");
    expect(JSON.parse(audits[1]!.after!)).toMatchObject({ disabled: true, reason: "left the company" });
  });

  it("writes no change when its audit row cannot be written: both land or neither", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId);
    const trigger = REFUSE_USER_AUDIT_TRIGGER[inject("databaseProvider")];
    for (const sql of trigger.create) await db.$executeRawUnsafe(sql);
    try {
      await expect(disableUser({ userId })).rejects.toThrow();
      await expect(resetUserPassword({ userId, password: "a brand new passphrase" })).rejects.toThrow();
    } finally {
      for (const sql of trigger.drop) await db.$executeRawUnsafe(sql);
    }
    expect(await getUser(userId)).toMatchObject({ isDisabled: false, activeSessionCount: 1 });
    const account = await db.account.findFirstOrThrow({ where: { userId } });
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(true);
  });

  it("refuses to disable or demote the last active administrator, and writes nothing", async () => {
    const adminId = await addUser("root@example.com", "administrator");
    await addSession(adminId);
    const disabled = await rejection(disableUser({ userId: adminId }));
    expect(disabled).toMatchObject({ code: "conflict", message: "root@example.com is the last active administrator and cannot be disabled; make another user an administrator first" });
    expect((await rejection(setUserRole({ userId: adminId, role: "viewer" }))).code).toBe("conflict");
    expect(await db.session.count({ where: { userId: adminId } })).toBe(1);
    expect(await getUser(adminId)).toMatchObject({ role: "administrator", isDisabled: false });
    expect((await auditActions(adminId)).map((audit) => audit.action)).toEqual(["user.create"]);
  });

  it("does not count a disabled administrator as the other one", async () => {
    const first = await addUser("root@example.com", "administrator");
    const second = await addUser("backup@example.com", "administrator");
    await disableUser({ userId: second });
    expect((await rejection(setUserRole({ userId: first, role: "operator" }))).code).toBe("conflict");
    await enableUser({ userId: second });
    await setUserRole({ userId: first, role: "operator" });
    expect(await getUser(first)).toMatchObject({ role: "operator" });
    const [setRole] = (await auditActions(first)).filter((audit) => audit.action === "user.set-role");
    expect([JSON.parse(setRole!.before!).role, JSON.parse(setRole!.after!).role]).toEqual(["administrator", "operator"]);
  });

  it("refuses an administrator disabling their own account", async () => {
    const me = await addUser("me@example.com", "administrator");
    await addUser("other@example.com", "administrator");
    bindProcessActor({ userId: me, name: "me@example.com", role: "administrator", address: null, sessionId: null } satisfies Actor);
    const error = await rejection(disableUser({ userId: me }));
    expect(error).toMatchObject({ code: "invalid", message: "You cannot disable your own account; ask another administrator" });
  });

  it("resets a password: new hash, sessions ended, no secret in the audit row", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId);
    await resetUserPassword({ userId, password: "a brand new passphrase" });
    const account = await db.account.findFirstOrThrow({ where: { userId } });
    expect(await verifyPassword({ hash: account.password!, password: "a brand new passphrase" })).toBe(true);
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(false);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    const audit = (await auditActions(userId)).find((row) => row.action === "user.reset-password")!;
    expect(JSON.stringify(audit)).not.toMatch(/argon2|brand new/);
  });

  it("revokes sessions and says how many ended", async () => {
    const userId = await addUser("ada@example.com");
    await addSession(userId);
    expect(await revokeUserSessions({ userId })).toBe(1);
    expect(await listUserSessions({ userId })).toEqual([]);
    expect((await auditActions(userId)).at(-1)).toMatchObject({ action: "user.revoke-sessions", detail: "user ada@example.com; ended 1 session" });
  });

  it.each(["operator", "viewer"] as const)("refuses the %s role, with a refused audit row", async (role) => {
    const userId = await addUser("ada@example.com");
    bindProcessActor(testActor(role));
    expect((await rejection(listUsers())).code).toBe("forbidden");
    expect((await rejection(setUserRole({ userId, role: "administrator" }))).code).toBe("forbidden");
    const refused = await db.auditEvent.findMany({ where: { outcome: "refused" } });
    expect(refused.map((row) => [row.action, row.objectType, row.actorName])).toContainEqual(["authorization", "user", `test ${role}`]);
  });

  it("says a missing user does not exist", async () => {
    expect((await rejection(disableUser({ userId: "missing" }))).code).toBe("not_found");
    expect(await getUser("missing")).toBeNull();
  });
});

describe("first run", () => {
  const input = firstAdministratorSchema.parse({ email: "First@Example.com", name: "First", password: PASSWORD, confirmPassword: PASSWORD });

  it("issues a one-hour token, storing only its SHA-256 hash", async () => {
    // One moment for issuing and checking, so no assertion depends on how long the test takes.
    const issuedAt = new Date();
    const setup = await issueSetupToken({ now: issuedAt });
    expect(setup).not.toBeNull();
    const rows = await db.verification.findMany({ where: { identifier: FIRST_ADMINISTRATOR_IDENTIFIER } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBe(createHash("sha256").update(setup!.token).digest("hex"));
    expect(rows[0]!.value).not.toContain(setup!.token);
    expect(rows[0]!.expiresAt.getTime()).toBe(issuedAt.getTime() + 3_600_000);
    expect(await setupLinkState({ token: setup!.token, now: issuedAt })).toBe("valid");
    expect(await setupLinkState({ token: "wrong", now: issuedAt })).toBe("invalid");
    expect(await setupLinkState({ token: setup!.token, now: new Date(issuedAt.getTime() + 3_700_000) })).toBe("invalid");
  });

  it("creates the first administrator once, consuming the token, audited as first-run setup", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const setup = (await issueSetupToken())!;
    bindProcessActor(undefined); // the setup page is used signed out
    try {
      const userId = await createFirstAdministrator({ token: setup.token, input });
      expect(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true } })).toEqual({ email: "first@example.com", role: "administrator" });
      expect(await db.verification.count()).toBe(0);
      const created = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
      expect(created).toMatchObject({ actorName: "first-run setup", outcome: "success", objectId: userId });
      const again = await rejection(createFirstAdministrator({ token: setup.token, input: { ...input, email: "second@example.com" } }));
      expect(again.code).toBe("conflict");
      expect(await setupLinkState({ token: setup.token })).toBe("done");
      expect(await db.auditEvent.count({ where: { action: "user.create", outcome: "refused", actorName: "first-run setup" } })).toBe(1);
    } finally {
      bindProcessActor(TEST_ADMINISTRATOR);
    }
    expect(await issueSetupToken()).toBeNull();
  });

  it("refuses a wrong or expired token and creates nobody", async () => {
    const setup = (await issueSetupToken())!;
    expect((await rejection(createFirstAdministrator({ token: "not-the-token-at-all-000", input }))).code).toBe("forbidden");
    expect((await rejection(createFirstAdministrator({ token: setup.token, input, now: new Date(Date.now() + 3_700_000) }))).code).toBe("forbidden");
    expect(await db.user.count()).toBe(0);
    expect(await setupLinkState({ token: setup.token })).toBe("valid");
  });

  it("a new token replaces the last one", async () => {
    const first = (await issueSetupToken())!;
    const second = (await issueSetupToken())!;
    expect(await setupLinkState({ token: first.token })).toBe("invalid");
    expect(await setupLinkState({ token: second.token })).toBe("valid");
  });

  it("creates the demo administrator only while no user exists", async () => {
    const demo = await createDemoAdministrator();
    expect(demo?.email).toBe("demo-admin@sms-console.local");
    const account = await db.account.findFirstOrThrow({ where: { user: { email: demo!.email } } });
    expect(await verifyPassword({ hash: account.password!, password: demo!.password })).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email: demo!.email }, select: { name: true, role: true } })).toEqual({ name: "Demo administrator", role: "administrator" });
    expect(await createDemoAdministrator()).toBeNull();
  });
});

describe("a password an administrator set must be changed at first sign-in", () => {
  const flagOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { mustChangePassword: true } })).mustChangePassword;

  it("is asked of a user an administrator creates, and shown on the users list", async () => {
    const userId = await addUser("new@example.com");
    expect(await flagOf(userId)).toBe(true);
    expect((await getUser(userId))?.mustChangePassword).toBe(true);
    const kept = await createUser({ input: createUserSchema.parse({ email: "script@example.com", name: "Script", role: "viewer", password: PASSWORD }), mustChangePassword: false });
    expect(await flagOf(kept)).toBe(false);
  });

  it("is asked again after an administrator resets the password, but not when administrators reset their own", async () => {
    const userId = await createUser({ input: createUserSchema.parse({ email: "old@example.com", name: "Old", role: "operator", password: PASSWORD }), mustChangePassword: false });
    await resetUserPassword({ userId, password: "a brand new passphrase" });
    expect(await flagOf(userId)).toBe(true);
    const [audit] = (await auditActions(userId)).filter((row) => row.action === "user.reset-password");
    expect(audit?.detail).toContain("must change it at next sign-in");

    const adminId = await createUser({ input: createUserSchema.parse({ email: "admin@example.com", name: "Admin", role: "administrator", password: PASSWORD }), mustChangePassword: false });
    bindProcessActor({ ...TEST_ADMINISTRATOR, userId: adminId, name: "admin@example.com" });
    await resetUserPassword({ userId: adminId, password: "my own new passphrase" });
    expect(await flagOf(adminId)).toBe(false);
  });

  it("is asked of the demo administrator, whose password was printed, and not of the first administrator, who typed theirs", async () => {
    const demo = (await createDemoAdministrator())!;
    expect(await flagOf((await db.user.findUniqueOrThrow({ where: { email: demo.email } })).id)).toBe(true);
    await db.account.deleteMany();
    await db.user.deleteMany();
    const setup = (await issueSetupToken())!;
    const firstId = await createFirstAdministrator({ token: setup.token, input: firstAdministratorSchema.parse({ email: "first@example.com", name: "First", password: PASSWORD, confirmPassword: PASSWORD }) });
    expect(await flagOf(firstId)).toBe(false);
  });

  it("until it is changed, the data layer refuses the user everything, reading included, and audits the refused changes", async () => {
    const userId = await addUser("waiting@example.com", "administrator");
    bindProcessActor({ ...testActor("administrator"), userId, name: "waiting@example.com", mustChangePassword: true });
    for (const permission of ["console:read", "jobs:write", "users:manage"] as const) {
      const error = await rejection(authorize(permission));
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe(PASSWORD_CHANGE_FIRST);
    }
    await rejection(listUsers());
    const refused = await db.auditEvent.findMany({ where: { action: "authorization", outcome: "refused", actorName: "waiting@example.com" }, select: { detail: true } });
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused[0]?.detail).toContain("the password an administrator set is not changed yet");
  });
});
