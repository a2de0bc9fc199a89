import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password";
import { createUserSchema, firstAdministratorSchema, USER_PASSWORD_MAX_LENGTH, USER_PASSWORD_MIN_LENGTH } from "./schema";

const valid = { email: " Ada@Example.COM ", name: "Ada Lovelace", role: "operator", password: "correct horse battery" };

function messages(input: unknown, schema: typeof createUserSchema | typeof firstAdministratorSchema = createUserSchema) {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("user schemas", () => {
  it("keeps the password limits of lib/auth/password.ts", () => {
    expect([USER_PASSWORD_MIN_LENGTH, USER_PASSWORD_MAX_LENGTH]).toEqual([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]);
  });

  it("lower-cases and trims the email, and keeps the password as typed", () => {
    expect(createUserSchema.parse({ ...valid, password: " spaces count " })).toEqual({ ...valid, email: "ada@example.com", password: " spaces count " });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["no email", { email: "" }, "email", "Email is required"],
    ["a bad email", { email: "ada" }, "email", "Email must be an address such as name@example.com"],
    ["no name", { name: "  " }, "name", "Name is required"],
    ["an unknown role", { role: "root" }, "role", "Role must be one of administrator, operator, viewer"],
    ["a short password", { password: "x".repeat(11) }, "password", "Password must be at least 12 characters"],
    ["a long password", { password: "x".repeat(129) }, "password", "Password must be at most 128 characters"],
  ])("refuses %s, naming the field", (_case, change, field, message) => {
    expect(messages({ ...valid, ...change })[field]).toBe(message);
  });

  it("asks the first administrator to type the password twice", () => {
    const { role: _role, ...first } = valid;
    expect(messages({ ...first, confirmPassword: "something else" }, firstAdministratorSchema)).toEqual({ confirmPassword: "Confirm password must match the password" });
    expect(firstAdministratorSchema.safeParse({ ...first, confirmPassword: first.password }).success).toBe(true);
  });
});
