import { describe, expect, it } from "vitest";
import { documentSiteSchema, siteInputSchema } from "./schema";

const valid = { code: "BPC", name: "BPC Primary Site", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20, inventoryIntervalDays: 7, isPcmEnabled: true };

function messages(input: unknown) {
  const result = siteInputSchema.safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("siteInputSchema", () => {
  it("accepts a site and fills the defaults", () => {
    expect(siteInputSchema.parse({ code: "s01", name: "Legacy", smsVersion: "1.1", pcmPollingIntervalMinutes: "30" })).toEqual({
      code: "S01",
      name: "Legacy",
      smsVersion: "1.1",
      servicePack: 0,
      pcmPollingIntervalMinutes: 30,
      inventoryIntervalDays: 7,
      isPcmEnabled: false,
    });
  });

  it("reads form strings: check boxes and numbers", () => {
    expect(siteInputSchema.parse({ ...valid, isPcmEnabled: "on", pcmPollingIntervalMinutes: "45", servicePack: "2" })).toMatchObject({ isPcmEnabled: true, pcmPollingIntervalMinutes: 45, servicePack: 2 });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a reserved site code", { code: "CON" }, "code", "Site code cannot be CON: it is a reserved device name"],
    ["a two-character site code", { code: "BP" }, "code", "Site code must be 3 characters, A-Z or 0-9"],
    ["an empty name", { name: " " }, "name", "Site name is required"],
    ["an unknown version", { smsVersion: "2.0" }, "smsVersion", "SMS version must be one of 1.0, 1.1, 1.2"],
    ["a service pack on 1.1", { smsVersion: "1.1", servicePack: 2 }, "servicePack", "SMS service pack applies to SMS 1.2 only; use 0 for 1.1"],
    ["service pack 5", { servicePack: 5 }, "servicePack", "SMS service pack must be a whole number from 0 to 4"],
    ["a zero polling interval", { pcmPollingIntervalMinutes: "0" }, "pcmPollingIntervalMinutes", "PCM polling interval (minutes) must be a whole number from 1 to 1440"],
    ["a missing polling interval", { pcmPollingIntervalMinutes: "" }, "pcmPollingIntervalMinutes", "PCM polling interval (minutes) is required"],
    ["a fractional inventory interval", { inventoryIntervalDays: 1.5 }, "inventoryIntervalDays", "Inventory interval (days) must be a whole number from 1 to 365"],
    ["itself as parent", { parentCode: "BPC" }, "parentCode", "Parent site cannot be the site itself"],
    ["business day 8", { businessDays: ["1", "8"], businessHoursStart: "08:00", businessHoursEnd: "18:00" }, "businessDays.1", "Business days must be ISO weekdays from 1 (Monday) to 7 (Sunday)"],
    ["an empty list of business days", { businessDays: [], businessHoursStart: "08:00", businessHoursEnd: "18:00" }, "businessDays", "Business days must include at least one day"],
    ["business hours without days", { businessHoursStart: "08:00", businessHoursEnd: "18:00" }, "businessDays", "Business days are required with business hours"],
    ["business days without an end", { businessDays: [1], businessHoursStart: "08:00" }, "businessHoursEnd", "Business hours end is required with business days"],
    ["a start written 8am", { businessDays: [1], businessHoursStart: "8am", businessHoursEnd: "18:00" }, "businessHoursStart", "Business hours start must be a time as HH:MM (24-hour)"],
    ["an end at 24:00", { businessDays: [1], businessHoursStart: "08:00", businessHoursEnd: "24:00" }, "businessHoursEnd", "Business hours end must be a time as HH:MM (24-hour)"],
    ["an end before the start", { businessDays: [1], businessHoursStart: "18:00", businessHoursEnd: "08:00" }, "businessHoursEnd", "Business hours end must be later than the start"],
    ["an end equal to the start", { businessDays: [1], businessHoursStart: "08:00", businessHoursEnd: "08:00" }, "businessHoursEnd", "Business hours end must be later than the start"],
    ["negative free disk space", { siteServerFreeDiskMegabytes: "-1" }, "siteServerFreeDiskMegabytes", "Site server free disk space (MB) must be a whole number from 0 to 100000000"],
    ["a UTC offset beyond +14:00", { utcOffsetMinutes: 900 }, "utcOffsetMinutes", "UTC offset (minutes) must be a whole number from -720 to 840"],
    ["a fractional UTC offset", { utcOffsetMinutes: "-300.5" }, "utcOffsetMinutes", "UTC offset (minutes) must be a whole number from -720 to 840"],
  ])("refuses %s, naming the field", (_case, change, path, message) => {
    expect(messages({ ...valid, ...change })[path]).toBe(message);
  });
});

describe("the facts the requirement rules need", () => {
  it("leaves every fact undefined (not recorded) when the form fields are blank", () => {
    const parsed = siteInputSchema.parse({ ...valid, businessHoursStart: "", businessHoursEnd: "", siteServerFreeDiskMegabytes: "", utcOffsetMinutes: "", isDaylightSavingAdjusted: "" });
    const facts = ["businessDays", "businessHoursStart", "businessHoursEnd", "siteServerFreeDiskMegabytes", "utcOffsetMinutes", "isDaylightSavingAdjusted"] as const;
    expect(facts.map((fact) => parsed[fact])).toEqual(facts.map(() => undefined));
  });

  it("reads business hours from a form, the days in order and once each", () => {
    const parsed = siteInputSchema.parse({ ...valid, businessDays: ["5", "1", "3", "1"], businessHoursStart: "08:00", businessHoursEnd: "18:00" });
    expect(parsed).toMatchObject({ businessDays: [1, 3, 5], businessHoursStart: "08:00", businessHoursEnd: "18:00" });
  });

  it.each([
    ["true", true],
    ["false", false],
    ["", undefined],
  ])("reads daylight saving %j from a form as %j", (value, expected) => {
    expect(siteInputSchema.parse({ ...valid, isDaylightSavingAdjusted: value }).isDaylightSavingAdjusted).toBe(expected);
  });

  it("reads free disk space and the UTC offset as whole numbers", () => {
    expect(siteInputSchema.parse({ ...valid, siteServerFreeDiskMegabytes: "1200", utcOffsetMinutes: "-300" })).toMatchObject({ siteServerFreeDiskMegabytes: 1200, utcOffsetMinutes: -300 });
  });
});

describe("documentSiteSchema", () => {
  it("carries the last allocated sequence numbers", () => {
    expect(documentSiteSchema.parse({ ...valid, lastAllocated: { package: 72 } }).lastAllocated).toEqual({ package: 72, job: 0, request: 0 });
  });
  it("refuses a request counter beyond four base-36 characters", () => {
    expect(documentSiteSchema.safeParse({ ...valid, lastAllocated: { request: 36 ** 4 } }).success).toBe(false);
  });
});
