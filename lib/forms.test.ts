import { describe, expect, it } from "vitest";
import { formDataToObject } from "./forms";

describe("formDataToObject", () => {
  it("builds nested rows and check-box lists from dotted names", () => {
    const form = new FormData();
    form.append("name", "Office");
    form.append("commandLines.0.commandName", "Complete");
    form.append("commandLines.0.isAutomated", "on");
    form.append("commandLines.0.supportedPlatforms[]", "WIN16");
    form.append("commandLines.0.supportedPlatforms[]", "WIN32_X86");
    form.append("commandLines.1.commandName", "Typical");
    expect(formDataToObject(form)).toEqual({
      name: "Office",
      commandLines: [{ commandName: "Complete", isAutomated: "on", supportedPlatforms: ["WIN16", "WIN32_X86"] }, { commandName: "Typical" }],
    });
  });

  it("closes gaps left by rows removed in the browser", () => {
    const form = new FormData();
    form.append("commandLines.0.commandName", "A");
    form.append("commandLines.2.commandName", "C");
    expect(formDataToObject(form)).toEqual({ commandLines: [{ commandName: "A" }, { commandName: "C" }] });
  });

  it("skips Next.js's own action fields and files", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("upload", new Blob(["x"]));
    form.append("name", "x");
    expect(formDataToObject(form)).toEqual({ name: "x" });
  });
});

describe("splitList and jobFormToObject", () => {
  it("split a text area of IDs on lines, commas, semicolons and spaces", async () => {
    const { splitList, jobFormToObject } = await import("./forms");
    expect(splitList("MDM00005\nBPC01001, VAQ01001;S0101001  ")).toEqual(["MDM00005", "BPC01001", "VAQ01001", "S0101001"]);
    const form = new FormData();
    form.append("target.kind", "COMPUTERS");
    form.append("target.smsIds", "MDM00005\nBPC01001");
    expect(jobFormToObject(form)).toEqual({ target: { kind: "COMPUTERS", smsIds: ["MDM00005", "BPC01001"] } });
  });
});

describe("formDataToObject without a form", () => {
  it("reads an action called with no form data as an empty form", () => {
    expect(formDataToObject(undefined as unknown as FormData)).toEqual({});
  });
});
