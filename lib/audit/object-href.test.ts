import { describe, expect, it } from "vitest";
import { auditObjectHref } from "./object-href";

describe("audit object links", () => {
  it.each([
    ["job", "BPC00041", "/jobs/BPC00041"],
    ["package", "BPC0000A", "/packages/BPC0000A"],
    ["site", "S01", "/sites/S01"],
    ["computer", "MDM00005", "/computers/MDM00005"],
    ["machine-group", "3", "/machine-groups/3"],
    ["user", "u_123-abc", "/users/u_123-abc"],
  ])("links a %s to its page", (type, id, href) => expect(auditObjectHref(type, id)).toBe(href));

  it.each([
    ["session", "abc"],
    ["job", null],
    ["job", "short"],
    ["package", "../../etc"],
    ["machine-group", "Lab"],
    ["site", "S01?x=1"],
  ])("links no %s %j", (type, id) => expect(auditObjectHref(type, id)).toBeNull());
});
