import { parseArgs } from "node:util";
import { ROLE_LABELS, ROLES } from "@/lib/access/roles";
import { createDemoAdministrator, issueSetupToken } from "@/lib/data/accounts/first-run";
import { createUser, disableUser, enableUser, getUserByEmail, listUsers, resetUserPassword, setUserRole, type UserDetail, type UserSummary } from "@/lib/data/accounts/users";
import { unlockSignIn } from "@/lib/data/accounts/sign-in-throttle";
import { DomainError } from "@/lib/errors";
import { formatIssuePath } from "@/lib/site-document/references";
import { generatePassword } from "@/lib/users/generate-password";
import { createUserSchema, resetPasswordSchema, setRoleSchema, userEmailSchema } from "@/lib/users/schema";
import type { z } from "zod";
import { UsageError, type Command } from "../command";

const USAGE = `Usage: sms user COMMAND ...

  sms user list [--json]
  sms user create --email E --name N --role ROLE [--password-env VAR [--must-change-password]]
  sms user create --email E --name N --admin [--password-env VAR [--must-change-password]]
  sms user disable --email E [--reason TEXT]
  sms user enable --email E
  sms user set-role --email E --role ROLE
  sms user reset-password --email E [--password-env VAR [--must-change-password]]
  sms user unlock --email E
  sms user first-run [--url URL] [--demo]

ROLE is ${ROLES.join(", ")} (--admin is --role administrator).

A password is never an argument (other users could read it in the process list). With
--password-env VAR it is read from the environment variable VAR; without it a random password is
generated and printed once. Passwords are 12 to 128 characters. Resetting a password and
disabling a user end all of that user's sessions.

A generated password is a one-time password: the user must choose their own at first sign-in, as
with a user made or reset on the Users page. A password from --password-env is kept as the caller's
choice (scripts, service accounts), unless --must-change-password asks for the same.

unlock clears an account's failed sign-in attempts (ten in 15 minutes lock sign-in from addresses the
account has not signed in from before; see README, Accounts and security).

first-run is what "npm start" runs: while no user exists it prints a one-time link
(URL/setup?token=..., valid for an hour; URL defaults to http://localhost:3000) to create the
first administrator in the browser; with --demo it instead creates the demo administrator
demo-admin@sms-console.local with a random password, printed once. Once any user exists it does nothing.`;

const options = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  admin: { type: "boolean" },
  "password-env": { type: "string" },
  reason: { type: "string" },
  json: { type: "boolean" },
  url: { type: "string" },
  demo: { type: "boolean" },
  "must-change-password": { type: "boolean" },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>["values"];

function parsed<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError("invalid", `${what} is not valid`, result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path) || what, message: issue.message })));
  return result.data;
}

/**
 * The password from --password-env VAR, or a generated one that the command prints once; a generated
 * one (or --must-change-password) must be changed at first sign-in.
 */
function passwordFrom(values: Values): { password: string; isGenerated: boolean; mustChangePassword: boolean } {
  const variable = values["password-env"];
  if (variable === undefined) {
    return { password: generatePassword(), isGenerated: true, mustChangePassword: true };
  }
  const password = process.env[variable];
  if (password === undefined || password === "") throw new UsageError(`--password-env: environment variable ${variable} is not set`);
  return { password, isGenerated: false, mustChangePassword: values["must-change-password"] === true };
}

async function requireUser(values: Values, verb: string): Promise<UserDetail> {
  if (values.email === undefined) throw new UsageError(`user ${verb} needs --email E`);
  const email = parsed(userEmailSchema, values.email, "--email");
  const user = await getUserByEmail(email);
  if (!user) throw new DomainError("not_found", `No user has email ${email}`);
  return user;
}

function describeUser(user: UserSummary): string {
  const state = user.isDisabled ? "disabled" : "active";
  return `${user.email.padEnd(32)}  ${ROLE_LABELS[user.role].padEnd(13)}  ${state.padEnd(8)}  ${user.isTwoFactorEnabled ? "2FA" : "   "}  ${user.name}`;
}

async function create(values: Values): Promise<void> {
  if (values.admin && values.role && values.role !== "administrator") throw new UsageError("--admin and --role disagree; give one of them");
  const role = values.admin ? "administrator" : values.role;
  if (values.email === undefined || values.name === undefined || role === undefined) throw new UsageError("user create needs --email E, --name N and --role ROLE (or --admin)");
  const { password, isGenerated, mustChangePassword } = passwordFrom(values);
  const input = parsed(createUserSchema, { email: values.email, name: values.name, role, password }, "The user");
  await createUser({ input, mustChangePassword });
  console.log(`Created ${ROLE_LABELS[input.role]} ${input.email}.${mustChangePassword ? " They choose their own password at first sign-in." : ""}`);
  if (isGenerated) console.log(`Password (shown once): ${password}`);
}

async function firstRun(values: Values): Promise<void> {
  if (values.demo) {
    const demo = await createDemoAdministrator();
    if (demo) console.log(`Demo administrator: ${demo.email} password: ${demo.password}\n(shown once; you choose your own password at first sign-in; a demo account: create your own administrator and disable it before real use)`);
    return;
  }
  const base = (values.url ?? "http://localhost:3000").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/]+/.test(base)) throw new UsageError("--url must be an http:// or https:// address");
  const setup = await issueSetupToken();
  if (!setup) return;
  console.log(
    [
      "No user exists yet. Open this one-time link to create the first administrator",
      `(valid until ${setup.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; it works once):`,
      `  ${base}/setup?token=${setup.token}`,
      'Or run: npm run sms -- user create --admin --email E --name N',
    ].join("\n"),
  );
}

export const userCommand: Command = {
  name: "user",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`user ${verb} takes options only (got "${positionals[0]}")`);
    switch (verb) {
      case "list": {
        const users = await listUsers();
        if (values.json) {
          console.log(JSON.stringify(users, null, 2));
        } else {
          for (const user of users) console.log(describeUser(user));
          if (users.length === 0) console.log('No users yet; create one with "sms user create --admin ...".');
        }
        return 0;
      }
      case "create":
        await create(values);
        return 0;
      case "disable": {
        const user = await requireUser(values, "disable");
        await disableUser({ userId: user.id, reason: values.reason });
        console.log(`Disabled ${user.email}; their sessions have ended.`);
        return 0;
      }
      case "enable": {
        const user = await requireUser(values, "enable");
        await enableUser({ userId: user.id });
        console.log(`Enabled ${user.email}.`);
        return 0;
      }
      case "unlock": {
        const user = await requireUser(values, "unlock");
        const { wasLocked } = await unlockSignIn({ userId: user.id, email: user.email });
        console.log(wasLocked ? `Cleared the failed sign-in attempts of ${user.email}; they can sign in again.` : `${user.email} had no failed sign-in attempts counted.`);
        return 0;
      }
      case "set-role": {
        const user = await requireUser(values, "set-role");
        if (values.role === undefined) throw new UsageError("user set-role needs --role ROLE");
        const { role } = parsed(setRoleSchema, { role: values.role }, "--role");
        await setUserRole({ userId: user.id, role });
        console.log(`${user.email} is now ${ROLE_LABELS[role]}.`);
        return 0;
      }
      case "reset-password": {
        const user = await requireUser(values, "reset-password");
        const { password, isGenerated, mustChangePassword } = passwordFrom(values);
        parsed(resetPasswordSchema, { password }, "The password");
        await resetUserPassword({ userId: user.id, password, mustChangePassword });
        console.log(`Reset the password of ${user.email}; their sessions have ended.${mustChangePassword ? " They choose a new one at next sign-in." : ""}`);
        if (isGenerated) console.log(`Password (shown once): ${password}`);
        return 0;
      }
      case "first-run":
        await firstRun(values);
        return 0;
      default:
        throw new UsageError(verb ? `unknown user command "${verb}"; run "sms user --help"` : 'user needs a command; run "sms user --help"');
    }
  },
};
