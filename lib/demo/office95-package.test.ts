import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentPackageSchema } from "../packages/schema";
import { OFF95STD_PDF, office95DemoPackage } from "./office95-package";

describe("the demo's Office 95 package", () => {
  it("is read from the KB's OFF95STD.PDF, byte for byte", () => {
    expect(OFF95STD_PDF).toBe(readFileSync("lib/pdf/fixtures/OFF95STD.PDF", "latin1"));
  });

  it("has the PDF's six command lines and Inventory set, and a Sharing set", () => {
    const pkg = documentPackageSchema.parse(office95DemoPackage());
    expect(pkg.commandLines.map((line) => [line.commandName, line.isUserInputRequired])).toEqual([
      ["Compact", false],
      ["Typical", false],
      ["Complete", false],
      ["Workstation", false],
      ["Custom", true],
      ["Uninstall", true],
    ]);
    expect([pkg.inventory?.detectionRule, pkg.sharing?.shareName]).toEqual(["File 1", "OFF95"]);
  });
});
