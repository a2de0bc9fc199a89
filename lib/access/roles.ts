/**
 * Who may do what. Three roles, as the console's users asked for them: an Administrator runs the
 * console (users, sites and their inventory), an Operator does the daily work of packages, command
 * lines and jobs, a Viewer reads everything and downloads dumps. The data layer decides every
 * request with `can`; pages only hide what a role cannot use.
 */
export const ROLES = ["administrator", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: "Administrator",
  operator: "Operator",
  viewer: "Viewer",
};

const EVERY_ROLE: readonly Role[] = ROLES;
const OPERATORS: readonly Role[] = ["administrator", "operator"];
const ADMINISTRATORS: readonly Role[] = ["administrator"];

export const PERMISSIONS = {
  /** Every page, dump and download of the console. */
  "console:read": EVERY_ROLE,
  /** Packages and their workstation command lines. */
  "packages:write": OPERATORS,
  /** Jobs: create, edit, delete, acknowledge warnings, send, cancel, complete, fail. */
  "jobs:write": OPERATORS,
  /** Sites, servers, computers, machine groups, site documents, the demo, PCMINS.BOX access. */
  "sites:write": ADMINISTRATORS,
  /** Users, roles, passwords and sessions. */
  "users:manage": ADMINISTRATORS,
  /** The audit trail holds every user's actions and addresses. */
  "audit:read": ADMINISTRATORS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LABELS: Record<Permission, string> = {
  "console:read": "read the console",
  "packages:write": "change packages and command lines",
  "jobs:write": "change or send jobs",
  "sites:write": "change sites and their inventory",
  "users:manage": "manage users",
  "audit:read": "read the audit trail",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The principal behind a request: a signed-in user, or the one local principal of a process that
 * acts as itself (the CLI on the console's own machine, the demo loader).
 */
export interface Actor {
  userId: string | null;
  /** E-mail of a user, or a label such as "cli (root@host)". Shown in history and the audit trail. */
  name: string;
  role: Role;
  address: string | null;
  sessionId: string | null;
  /**
   * A signed-in user whose password an administrator chose (a new user, a reset, the demo's printed
   * one): until they pick their own, they may do nothing but change it.
   */
  mustChangePassword?: boolean;
}
