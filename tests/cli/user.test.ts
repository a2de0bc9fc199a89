import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

function sms(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env, ...env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  await db.session.deleteMany();
  await db.account.deleteMany();
  await db.user.deleteMany();
  await db.verification.deleteMany();
  await db.auditEvent.deleteMany();
});

describe("sms user", () => {
  it("prints a one-time setup link while no user exists, and nothing after", () => {
    const first = sms(["user", "first-run", "--url", "http://localhost:3123/"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^No user exists yet\. .*\n.*\n {2}http:\/\/localhost:3123\/setup\?token=[A-Za-z0-9_-]{43}\n/);
    expect(sms(["user", "create", "--admin", "--email", "root@example.com", "--name", "Root"]).code).toBe(0);
    expect(sms(["user", "first-run"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("creates the demo administrator with a password printed once", async () => {
    const result = sms(["user", "first-run", "--demo"]);
    expect(result.stdout).toMatch(/^Demo administrator: demo-admin@sms-console\.local password: [A-Za-z0-9_-]{24}\n/);
    expect(await db.user.count()).toBe(1);
    expect(sms(["user", "first-run", "--demo"]).stdout).toBe("");
  });

  it("creates users with a generated password or one from the environment, and lists them", async () => {
    const generated = sms(["user", "create", "--email", "Ada@Example.com", "--name", "Ada Lovelace", "--role", "operator"]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/^Created Operator ada@example\.com\. They choose their own password at first sign-in\.\nPassword \(shown once\): [A-Za-z0-9_-]{24}\n$/);
    const fromEnvironment = sms(["user", "create", "--email", "root@example.com", "--name", "Root", "--admin", "--password-env", "ROOT_PASSWORD"], { ROOT_PASSWORD: "a long enough passphrase" });
    expect(fromEnvironment).toMatchObject({ code: 0, stdout: "Created Administrator root@example.com.\n" });
    const asked = sms(["user", "create", "--email", "bob@example.com", "--name", "Bob", "--role", "viewer", "--password-env", "BOB_PASSWORD", "--must-change-password"], { BOB_PASSWORD: "a long enough passphrase" });
    expect(asked).toMatchObject({ code: 0, stdout: "Created Viewer bob@example.com. They choose their own password at first sign-in.\n" });
    const flags = await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, mustChangePassword: true } });
    // A printed password is a one-time password; one from the caller's environment is kept unless asked.
    expect(flags).toEqual([
      { email: "ada@example.com", mustChangePassword: true },
      { email: "bob@example.com", mustChangePassword: true },
      { email: "root@example.com", mustChangePassword: false },
    ]);
    const list = sms(["user", "list"]);
    expect(list.stdout.split("\n")[0]).toMatch(/^ada@example\.com +Operator +active +Ada Lovelace$/);
    const json = JSON.parse(sms(["user", "list", "--json"]).stdout);
    expect(json.map((user: { email: string; role: string }) => [user.email, user.role])).toEqual([
      ["ada@example.com", "operator"],
      ["bob@example.com", "viewer"],
      ["root@example.com", "administrator"],
    ]);
    expect(JSON.stringify(json)).not.toMatch(/argon2|password/);
  });

  it("disables, enables, changes roles and resets passwords by email", async () => {
    sms(["user", "create", "--admin", "--email", "root@example.com", "--name", "Root"]);
    sms(["user", "create", "--email", "ada@example.com", "--name", "Ada", "--role", "viewer"]);
    expect(sms(["user", "disable", "--email", "ada@example.com", "--reason", "on leave"]).stdout).toBe("Disabled ada@example.com; their sessions have ended.\n");
    expect((await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).banned).toBe(true);
    expect(sms(["user", "enable", "--email", "ADA@example.com"]).stdout).toBe("Enabled ada@example.com.\n");
    expect(sms(["user", "set-role", "--email", "ada@example.com", "--role", "operator"]).stdout).toBe("ada@example.com is now Operator.\n");
    const reset = sms(["user", "reset-password", "--email", "ada@example.com"]);
    expect(reset.stdout).toMatch(/^Reset the password of ada@example\.com; their sessions have ended\. They choose a new one at next sign-in\.\nPassword \(shown once\): \S{24}\n$/);
    const actions = await db.auditEvent.findMany({ where: { objectType: "user", outcome: "success" }, orderBy: { id: "asc" }, select: { action: true, actorName: true } });
    expect(actions.map((row) => row.action)).toEqual(["user.create", "user.create", "user.disable", "user.enable", "user.set-role", "user.reset-password"]);
    expect(actions[0]!.actorName).toMatch(/^cli \(/);
  });

  it.each<[string[], Record<string, string>, number, RegExp]>([
    [["user"], {}, 2, /^sms: user needs a command; run "sms user --help"\n$/],
    [["user", "create", "--email", "a@example.com"], {}, 2, /^sms: user create needs --email E, --name N and --role ROLE \(or --admin\)\n$/],
    [["user", "create", "--email", "a@example.com", "--name", "A", "--role", "root"], {}, 1, /^sms: The user is not valid\n {2}role: Role must be one of administrator, operator, viewer\n$/],
    [["user", "create", "--email", "a@example.com", "--name", "A", "--role", "viewer", "--password-env", "SHORT"], { SHORT: "short" }, 1, /password: Password must be at least 12 characters/],
    [["user", "create", "--email", "a@example.com", "--name", "A", "--role", "viewer", "--password-env", "UNSET_VARIABLE"], {}, 2, /^sms: --password-env: environment variable UNSET_VARIABLE is not set\n$/],
    [["user", "create", "--email", "a@example.com", "--name", "A", "--role", "viewer", "--password", "x"], {}, 2, /^sms: Unknown option '--password'; see --help\n$/],
    [["user", "disable", "--email", "nobody@example.com"], {}, 1, /^sms: No user has email nobody@example\.com\n$/],
  ])("answers %j with one clear message", (args, env, code, stderr) => {
    const result = sms(args, env);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
  });

  it("unlocks an account whose sign-in attempts are used up", async () => {
    sms(["user", "create", "--admin", "--email", "root@example.com", "--name", "Root"]);
    await db.signInThrottle.create({ data: { key: "account:root@example.com", windowStartedAt: new Date(), attempts: 10 } });
    expect(sms(["user", "unlock", "--email", "ROOT@example.com"])).toMatchObject({ code: 0, stdout: "Cleared the failed sign-in attempts of root@example.com; they can sign in again.\n" });
    expect(await db.signInThrottle.findUnique({ where: { key: "account:root@example.com" } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.unlock-sign-in" } })).toBe(1);
  });

  it("refuses to disable the last administrator", () => {
    sms(["user", "create", "--admin", "--email", "root@example.com", "--name", "Root"]);
    const result = sms(["user", "disable", "--email", "root@example.com"]);
    expect(result).toMatchObject({ code: 1, stderr: "sms: root@example.com is the last active administrator and cannot be disabled; make another user an administrator first\n" });
  });

  it("has --help", () => {
    expect(sms(["user", "--help"]).stdout).toMatch(/^Usage: sms user COMMAND/);
  });
});
