import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id with 19 MiB, two passes and one lane", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one or a malformed hash", async () => {
    const hashed = await hashPassword("correct horse battery");
    await expect(verifyPassword({ hash: hashed, password: "correct horse battery" })).resolves.toBe(true);
    await expect(verifyPassword({ hash: hashed, password: "correct horse batterY" })).resolves.toBe(false);
    await expect(verifyPassword({ hash: "not a hash", password: "x" })).resolves.toBe(false);
  });
});
