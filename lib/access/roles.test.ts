import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, ROLES } from "./roles";

describe("roles", () => {
  it("gives an administrator every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("administrator", permission)).toBe(true);
  });

  it("lets an operator change packages and jobs, not sites, users or the audit trail", () => {
    expect(can("operator", "packages:write")).toBe(true);
    expect(can("operator", "jobs:write")).toBe(true);
    expect(can("operator", "sites:write")).toBe(false);
    expect(can("operator", "users:manage")).toBe(false);
    expect(can("operator", "audit:read")).toBe(false);
  });

  it("lets a viewer only read", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((permission) => can("viewer", permission));
    expect(allowed).toEqual(["console:read"]);
  });

  it("recognises only the three roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
