import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromZodError } from "./action-state";
import { formDataToObject, jobFormToObject, MAX_FIELD_NAME_LENGTH, MAX_LIST_INDEX } from "./forms";
import { packageInputSchema } from "./packages/schema";

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

describe("formDataToObject reads hostile field names safely (issue 14)", () => {
  const formOf = (...entries: [string, string][]) => {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return form;
  };
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(["__proto__.polluted", "constructor.prototype.polluted", "a.__proto__.polluted", "__proto__[]", "a.0.__proto__.polluted", "prototype.polluted"])(
    "refuses %s without touching Object.prototype",
    (name) => {
      const before = prototypeKeys();
      const values = formDataToObject(formOf([name, "yes"], ["email", "a@b.c"]));
      expect(values).toEqual({ email: "a@b.c" });
      expect(prototypeKeys()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    },
  );

  it("drops a list index beyond the forms' own rows instead of building a list that long", () => {
    expect(formDataToObject(formOf(["x.50000000", "v"], ["x.4294967295", "w"], ["x.007", "z"]))).toEqual({});
    expect(formDataToObject(formOf([`x.${MAX_LIST_INDEX}`, "last"], ["x.3", "third"]))).toEqual({ x: ["third", "last"] });
  });

  it("keeps a value that a later name nests under, so the schema names the field", () => {
    for (const entries of [
      [["name", "Office"], ["commandLines", "text"], ["commandLines.0.commandName", "Complete"]],
      [["name", "Office"], ["commandLines.0.commandName", "Complete"], ["commandLines", "text"]],
    ] as [string, string][][]) {
      const values = formDataToObject(formOf(...entries));
      expect(values.commandLines).toBe("text");
      const parsed = packageInputSchema.safeParse(values);
      expect(parsed.success).toBe(false);
      const state = fromZodError(parsed.error!, values);
      expect(state.status === "error" && state.fieldErrors.commandLines).toBeTruthy();
    }
  });

  it("skips names that are longer or deeper than any form's", () => {
    expect(formDataToObject(formOf(["a".repeat(MAX_FIELD_NAME_LENGTH + 1), "v"], ["a.b.c.d.e.f.g.h.i", "v"]))).toEqual({});
  });

  it("keeps the last of a repeated name, as a hidden default before a check box", () => {
    expect(formDataToObject(formOf(["isAutomated", "off"], ["isAutomated", "on"]))).toEqual({ isAutomated: "on" });
  });

  it("never throws, never touches Object.prototype, and gives back no more than it was sent, whatever the names", () => {
    const segment = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "0", "1", "00", "9999", "10000", "50000000", "", "[]", "toString", "hasOwnProperty", "valueOf"),
      fc.string({ maxLength: 12 }),
      fc.nat().map(String),
    );
    const name = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 10 }), fc.boolean()).map(([segments, isList]) => segments.join(".") + (isList ? "[]" : ""));
    const before = prototypeKeys();
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 20 })), { maxLength: 40 }), (entries) => {
        const values = formDataToObject(formOf(...entries));
        expect(prototypeKeys()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // The work is bounded by the input: the result holds no more than the names and values sent.
        const sent = entries.reduce((total, [key, value]) => total + key.length + value.length + 8, 2);
        expect(JSON.stringify(values).length).toBeLessThanOrEqual(sent * 2);
        jobFormToObject(formOf(...entries));
      }),
      { numRuns: 2_000 },
    );
  });
});
