import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { type Actor, isRole, ROLE_LABELS, type Role } from "@/lib/access/roles";
import { hashPassword } from "@/lib/auth/password";
import { db, type Transaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/users/schema";
import { recordAudit } from "../audit/audit";
import { SESSION_IDLE_SECONDS } from "./auth-server";
import { refusingRaces } from "../console/records";
import { authorize } from "./session";

/**
 * Users, their roles, passwords and sessions (issue 7). Only administrators manage them. Nothing
 * here returns a password hash, a session token or a TOTP secret: every query selects the safe
 * fields by name, and every change writes its audit row in its own transaction.
 */

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  isDisabled: boolean;
  isTwoFactorEnabled: boolean;
  /** UTC ISO timestamps. */
  createdAt: string;
  activeSessionCount: number;
  lastActivityAt: string | null;
  /** The password was set by an administrator; the user is made to change it at their next sign-in. */
  mustChangePassword: boolean;
}

export interface UserDetail extends UserSummary {
  disabledReason: string | null;
}

export interface UserSessionDto {
  id: string;
  createdAt: string;
  lastActivityAt: string;
  expiresAt: string;
  isActive: boolean;
  ipAddress: string | null;
  userAgent: string | null;
}

const USER_FIELDS = { id: true, email: true, name: true, role: true, banned: true, banReason: true, twoFactorEnabled: true, createdAt: true, mustChangePassword: true } as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: string | null;
  banned: boolean | null;
  banReason: string | null;
  twoFactorEnabled: boolean | null;
  createdAt: Date;
  mustChangePassword: boolean;
};

/** A stored role the console does not know (set outside it) gives no more than a Viewer's rights. */
function roleOf(row: { role: string | null }): Role {
  return isRole(row.role) ? row.role : "viewer";
}

/** What the audit trail keeps of a user: never a secret. */
function auditView(row: UserRow) {
  return { email: row.email, name: row.name, role: roleOf(row), disabled: row.banned === true };
}

/** A session still counts while it is before its absolute end and was used within the idle limit. */
function activeSessionWhere(now: Date) {
  return { expiresAt: { gt: now }, updatedAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) } };
}

const ACTIVE_ADMINISTRATOR = { role: "administrator", OR: [{ banned: false }, { banned: null }] };

function latest(...dates: (Date | null | undefined)[]): string | null {
  const times = dates.filter((date): date is Date => date instanceof Date).map((date) => date.getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}

/** Last activity: the newest use of a session, or the newest successful audited action (sessions end at sign-out). */
async function lastActivities(users: readonly { id: string; email: string }[]): Promise<Map<string, string | null>> {
  const ids = users.map((user) => user.id);
  const [sessions, actions] = await Promise.all([
    db.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { updatedAt: true } }),
    db.auditEvent.groupBy({
      by: ["actorUserId"],
      where: { actorName: { in: users.map((user) => user.email) }, actorUserId: { in: ids }, outcome: "success" },
      _max: { at: true },
    }),
  ]);
  const sessionUse = new Map(sessions.map((row) => [row.userId, row._max.updatedAt]));
  const actionAt = new Map(actions.map((row) => [row.actorUserId, row._max.at]));
  return new Map(ids.map((id) => [id, latest(sessionUse.get(id), actionAt.get(id))]));
}

async function toSummaries(rows: UserRow[], now = new Date()): Promise<UserDetail[]> {
  const ids = rows.map((row) => row.id);
  const [counts, activity] = await Promise.all([
    db.session.groupBy({ by: ["userId"], where: { userId: { in: ids }, ...activeSessionWhere(now) }, _count: { _all: true } }),
    lastActivities(rows),
  ]);
  const sessionCounts = new Map(counts.map((row) => [row.userId, row._count._all]));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row),
    isDisabled: row.banned === true,
    disabledReason: row.banReason,
    isTwoFactorEnabled: row.twoFactorEnabled === true,
    createdAt: row.createdAt.toISOString(),
    activeSessionCount: sessionCounts.get(row.id) ?? 0,
    lastActivityAt: activity.get(row.id) ?? null,
    mustChangePassword: row.mustChangePassword,
  }));
}

/** Every user, by email. */
export async function listUsers(): Promise<UserSummary[]> {
  await authorize("users:manage");
  const rows = await db.user.findMany({ orderBy: { email: "asc" }, select: USER_FIELDS });
  return toSummaries(rows);
}

export const getUser = cache(async (userId: string): Promise<UserDetail | null> => {
  await authorize("users:manage", { type: "user", id: userId });
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  return row ? (await toSummaries([row]))[0]! : null;
});

/** For the CLI, which names users by email. */
export async function getUserByEmail(email: string): Promise<UserDetail | null> {
  await authorize("users:manage", { type: "user" });
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: USER_FIELDS });
  return row ? (await toSummaries([row]))[0]! : null;
}

/** A user's sessions, newest use first: when and from where, never the token. */
export async function listUserSessions(options: { userId: string }): Promise<UserSessionDto[]> {
  await authorize("users:manage", { type: "user", id: options.userId });
  const now = new Date();
  const rows = await db.session.findMany({
    where: { userId: options.userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, createdAt: true, updatedAt: true, expiresAt: true, ipAddress: true, userAgent: true },
  });
  const idleSince = now.getTime() - SESSION_IDLE_SECONDS * 1000;
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    isActive: row.expiresAt > now && row.updatedAt.getTime() > idleSince,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  }));
}

function emailTaken(email: string): DomainError {
  const message = `A user with email ${email} already exists`;
  return new DomainError("conflict", message, [{ path: "email", message }]);
}

/**
 * Writes a user with a password sign-in (Better Auth's "credential" account) and its audit row.
 * Shared by the users page, `sms user create` and the first-run setup page. `mustChangePassword`:
 * someone other than the user chose the password, so the user must replace it at first sign-in.
 */
export async function insertUser(tx: Transaction, options: { input: CreateUserInput; passwordHash: string; actor: Actor; mustChangePassword: boolean }): Promise<string> {
  const { input, passwordHash, actor, mustChangePassword } = options;
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken(input.email);
  const userId = randomUUID();
  const row = await tx.user.create({
    data: { id: userId, email: input.email, name: input.name, role: input.role, emailVerified: true, banned: false, twoFactorEnabled: false, mustChangePassword },
    select: USER_FIELDS,
  });
  await tx.account.create({ data: { id: randomUUID(), providerId: "credential", accountId: userId, userId, password: passwordHash } });
  await recordAudit(tx, { actor, action: "user.create", objectType: "user", objectId: userId, after: auditView(row), detail: `user ${input.email}` });
  return userId;
}

/**
 * Creates a user who signs in with email and password; returns the new user's ID. The
 * administrator chose the password, so by default the user must change it at first sign-in
 * (`mustChangePassword: false` only for `sms user create --password-env`, whose caller keeps it).
 */
export async function createUser(options: { input: CreateUserInput; mustChangePassword?: boolean }): Promise<string> {
  const actor = await authorize("users:manage", { type: "user" });
  const passwordHash = await hashPassword(options.input.password);
  const mustChangePassword = options.mustChangePassword ?? true;
  return refusingRaces(() => db.$transaction((tx) => insertUser(tx, { input: options.input, passwordHash, actor, mustChangePassword })), { duplicate: emailTaken(options.input.email) });
}

async function readUser(tx: Transaction, userId: string): Promise<UserRow> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!row) throw new DomainError("not_found", "This user no longer exists");
  return row;
}

const ADMINISTRATOR_GUARD = "users.last-administrator-guard";

function isActiveAdministrator(row: UserRow): boolean {
  return row.role === "administrator" && row.banned !== true;
}

/** The console must always keep one administrator who can sign in, or nobody could manage users again. */
async function refuseLosingLastAdministrator(tx: Transaction, row: UserRow, change: string): Promise<void> {
  if (!isActiveAdministrator(row)) return;
  // Two administrators demoting each other at once must not both pass: each writes this row before
  // counting, so on PostgreSQL the second waits for the first to commit and then counts afresh
  // (READ COMMITTED reads per statement); SQLite lets one writer in at a time.
  await tx.setting.upsert({ where: { key: ADMINISTRATOR_GUARD }, create: { key: ADMINISTRATOR_GUARD, value: row.id }, update: { value: row.id } });
  const others = await tx.user.count({ where: { ...ACTIVE_ADMINISTRATOR, id: { not: row.id } } });
  if (others === 0) {
    throw new DomainError("conflict", `${row.email} is the last active administrator and cannot be ${change}; make another user an administrator first`);
  }
}

/** Disables a user: they cannot sign in, and every session they have ends now. */
export async function disableUser(options: { userId: string; reason?: string }): Promise<void> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  await db.$transaction(async (tx) => {
    const before = await readUser(tx, options.userId);
    if (actor.userId === before.id) throw new DomainError("invalid", "You cannot disable your own account; ask another administrator");
    if (before.banned === true) return;
    await refuseLosingLastAdministrator(tx, before, "disabled");
    const after = await tx.user.update({ where: { id: before.id }, data: { banned: true, banReason: options.reason || null }, select: USER_FIELDS });
    const ended = await tx.session.deleteMany({ where: { userId: before.id } });
    await recordAudit(tx, {
      actor,
      action: "user.disable",
      objectType: "user",
      objectId: before.id,
      before: auditView(before),
      after: { ...auditView(after), reason: options.reason || null },
      detail: `user ${before.email}; ended ${ended.count} session${ended.count === 1 ? "" : "s"}`,
    });
  });
}

export async function enableUser(options: { userId: string }): Promise<void> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  await db.$transaction(async (tx) => {
    const before = await readUser(tx, options.userId);
    if (before.banned !== true) return;
    const after = await tx.user.update({ where: { id: before.id }, data: { banned: false, banReason: null, banExpires: null }, select: USER_FIELDS });
    await recordAudit(tx, { actor, action: "user.enable", objectType: "user", objectId: before.id, before: auditView(before), after: auditView(after), detail: `user ${before.email}` });
  });
}

/** Changes a user's role; it applies from their next request, since every request reads the role afresh. */
export async function setUserRole(options: { userId: string; role: Role }): Promise<void> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  await db.$transaction(async (tx) => {
    const before = await readUser(tx, options.userId);
    if (before.role === options.role) return;
    if (options.role !== "administrator") await refuseLosingLastAdministrator(tx, before, `made ${ROLE_LABELS[options.role]}`);
    const after = await tx.user.update({ where: { id: before.id }, data: { role: options.role }, select: USER_FIELDS });
    await recordAudit(tx, { actor, action: "user.set-role", objectType: "user", objectId: before.id, before: auditView(before), after: auditView(after), detail: `user ${before.email}` });
  });
}

/**
 * Sets a new password and ends the user's sessions, so whoever knew the old one is signed out. The
 * user must change it at their next sign-in, unless it is the administrator's own account or the
 * caller says otherwise (`sms user reset-password --password-env`).
 */
export async function resetUserPassword(options: { userId: string; password: string; mustChangePassword?: boolean }): Promise<void> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  const passwordHash = await hashPassword(options.password);
  await db.$transaction(async (tx) => {
    const row = await readUser(tx, options.userId);
    const mustChangePassword = options.mustChangePassword ?? actor.userId !== row.id;
    await tx.user.update({ where: { id: row.id }, data: { mustChangePassword } });
    const updated = await tx.account.updateMany({ where: { userId: row.id, providerId: "credential" }, data: { password: passwordHash } });
    if (updated.count === 0) await tx.account.create({ data: { id: randomUUID(), providerId: "credential", accountId: row.id, userId: row.id, password: passwordHash } });
    const ended = await tx.session.deleteMany({ where: { userId: row.id } });
    await recordAudit(tx, {
      actor,
      action: "user.reset-password",
      objectType: "user",
      objectId: row.id,
      after: { mustChangePassword },
      detail: `user ${row.email}; ended ${ended.count} session${ended.count === 1 ? "" : "s"}${mustChangePassword ? "; must change it at next sign-in" : ""}`,
    });
  });
}

/** Signs a user out everywhere; returns how many sessions ended. */
export async function revokeUserSessions(options: { userId: string }): Promise<number> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  return db.$transaction(async (tx) => {
    const row = await readUser(tx, options.userId);
    const ended = await tx.session.deleteMany({ where: { userId: row.id } });
    await recordAudit(tx, {
      actor,
      action: "user.revoke-sessions",
      objectType: "user",
      objectId: row.id,
      after: { sessionsEnded: ended.count },
      detail: `user ${row.email}; ended ${ended.count} session${ended.count === 1 ? "" : "s"}`,
    });
    return ended.count;
  });
}
