import { describe, expect, it } from "vitest";
import { computerInputSchema } from "./schema";

const valid = {
  smsId: "MDM00005",
  name: "MDM-WKS-05",
  siteCode: "BPC",
  logonServer: "CNS-SMS",
  platform: "WIN32_X86",
  smsClientVersion: "1.2",
  smsClientServicePack: 3,
  pcmVariant: "PCMWIN32",
  isPcmServiceInstalled: true,
  isPcmServiceRunning: true,
};

function messages(change: Record<string, unknown>) {
  const result = computerInputSchema.safeParse({ ...valid, ...change });
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("computerInputSchema", () => {
  it("accepts the KB's client MDM00005", () => expect(computerInputSchema.safeParse(valid).success).toBe(true));
  it("treats empty form fields as not set", () => {
    const parsed = computerInputSchema.parse({ ...valid, ntDomain: "", pcmServiceStartType: "", lastInventoryAt: "" });
    expect(parsed.ntDomain).toBeUndefined();
    expect(parsed.pcmServiceStartType).toBeUndefined();
    expect(parsed.lastInventoryAt).toBeUndefined();
  });
  it("accepts Windows 95 with Pcmwin16 (its PCM is 16-bit, Q151735)", () => {
    expect(computerInputSchema.safeParse({ ...valid, platform: "WINDOWS95", pcmVariant: "PCMWIN16", isPcmServiceInstalled: false, isPcmServiceRunning: false }).success).toBe(true);
  });
  it.each<[string, Record<string, unknown>, string, string]>([
    ["a 7-character SMS ID", { smsId: "MDM0005" }, "smsId", "SMS ID must be 8 characters, A-Z or 0-9 (the first three are the creating site's code)"],
    ["a PCM that does not run on the platform", { platform: "MACINTOSH", pcmVariant: "PCMWIN32", isPcmServiceInstalled: false, isPcmServiceRunning: false }, "pcmVariant", "PCM variant PCMWIN32 does not run on MACINTOSH; that platform runs PCMMAC"],
    ["the PCM service on Windows 3.1", { platform: "WIN16", pcmVariant: "PCMWIN16" }, "isPcmServiceInstalled", "The PCM service can only be installed on Windows NT computers"],
    ["a running service that is not installed", { isPcmServiceInstalled: false }, "isPcmServiceRunning", "The PCM service cannot be running when it is not installed"],
    ["an NT role on MS-DOS", { platform: "DOS6", pcmVariant: "PCMDOS", isPcmServiceInstalled: false, isPcmServiceRunning: false, ntRole: "WORKSTATION" }, "ntRole", "Windows NT role applies to Windows NT computers only"],
    ["a service pack on a 1.1 client", { smsClientVersion: "1.1" }, "smsClientServicePack", "SMS client service pack applies to SMS 1.2 only; use 0 for 1.1"],
    ["an impossible inventory date", { lastInventoryAt: "1998-02-30T10:00:00" }, "lastInventoryAt", "Last inventory must be a real date and time as YYYY-MM-DD HH:MM (24-hour)"],
    ["a badly written file date", { pcmServiceFileDate: "10/08/97" }, "pcmServiceFileDate", "PCM service file date must be YYYY-MM-DD"],
    ["an unknown network link", { networkLink: "ISDN" }, "networkLink", "Network link must be one of FAST, SLOW"],
    ["a clock a day and a second off", { clockOffsetSeconds: "86401" }, "clockOffsetSeconds", "Clock offset (seconds) must be a whole number from -86400 to 86400"],
    ["a fractional clock offset", { clockOffsetSeconds: 1.5 }, "clockOffsetSeconds", "Clock offset (seconds) must be a whole number from -86400 to 86400"],
    ["a UTC offset below -12:00", { utcOffsetMinutes: "-780" }, "utcOffsetMinutes", "UTC offset (minutes) must be a whole number from -720 to 840"],
    ["a hotfix name with a space inside a list", { installedPcmHotfixes: ["Q195937", "fix me"] }, "installedPcmHotfixes", 'Installed PCM hotfixes must be short names like Q195937 (up to 20 letters, digits, ., _ or -); "FIX ME" is not'],
    ["a hotfix name of 21 characters", { installedPcmHotfixes: "Q123456789012345678901" }, "installedPcmHotfixes", 'Installed PCM hotfixes must be short names like Q195937 (up to 20 letters, digits, ., _ or -); "Q123456789012345678901" is not'],
    ["a service account without a domain", { pcmServiceAccount: "SMSPCMSVC" }, "pcmServiceAccount", "PCM service account must be DOMAIN\\ACCOUNT: a domain or computer name, a backslash and an account name of up to 20 characters"],
    ["an unknown DisableRandomPCMServers value", { disableRandomPcmServers: "NEAREST" }, "disableRandomPcmServers", "DisableRandomPCMServers must be one of RANDOM, LOCALONLY, DRIVEMAPPINGS, RANDOMONLY, PREFERREDONLY, PREFERREDFIRST"],
    ["a NETX client on Windows NT", { isNetwareNetxClient: "true" }, "isNetwareNetxClient", "NetWare NETX client applies to MS-DOS and Windows 3.x computers only"],
  ])("refuses %s, naming the field", (_case, change, path, message) => expect(messages(change)[path]).toBe(message));
});

describe("the facts the requirement rules need", () => {
  const facts = [
    "installedPcmHotfixes",
    "isPcmwin32AutoStart",
    "clockOffsetSeconds",
    "hasInteractiveUsers",
    "usersAreLocalAdministrators",
    "isPcmServiceDirectoryUserWritable",
    "pcmServiceAccount",
    "hasDuplicateSmsId",
    "utcOffsetMinutes",
    "isDaylightSavingAdjusted",
    "isNetwareNetxClient",
    "disableRandomPcmServers",
  ] as const;

  it("leaves every fact undefined (not recorded) when its form field is blank", () => {
    const parsed = computerInputSchema.parse({ ...valid, ...Object.fromEntries(facts.map((fact) => [fact, ""])) });
    expect(facts.map((fact) => parsed[fact])).toEqual(facts.map(() => undefined));
  });

  it("reads a fully recorded client from its form", () => {
    const parsed = computerInputSchema.parse({
      ...valid,
      installedPcmHotfixes: "q195937, Q193784 Q195937",
      isPcmwin32AutoStart: "false",
      clockOffsetSeconds: "-420",
      hasInteractiveUsers: "true",
      usersAreLocalAdministrators: "false",
      isPcmServiceDirectoryUserWritable: "false",
      pcmServiceAccount: " CORP\\SMSPCMSVC ",
      hasDuplicateSmsId: "false",
      utcOffsetMinutes: "-300",
      isDaylightSavingAdjusted: "true",
      isNetwareNetxClient: "false",
      disableRandomPcmServers: "PREFERREDFIRST",
    });
    expect(Object.fromEntries(facts.map((fact) => [fact, parsed[fact]]))).toEqual({
      installedPcmHotfixes: ["Q195937", "Q193784"],
      isPcmwin32AutoStart: false,
      clockOffsetSeconds: -420,
      hasInteractiveUsers: true,
      usersAreLocalAdministrators: false,
      isPcmServiceDirectoryUserWritable: false,
      pcmServiceAccount: "CORP\\SMSPCMSVC",
      hasDuplicateSmsId: false,
      utcOffsetMinutes: -300,
      isDaylightSavingAdjusted: true,
      isNetwareNetxClient: false,
      disableRandomPcmServers: "PREFERREDFIRST",
    });
  });

  it.each<[unknown, string[] | undefined]>([
    ["none", []],
    ["None", []],
    [[], []],
    [["Q255284"], ["Q255284"]],
    ["  ", undefined],
    [null, undefined],
  ])("reads installed hotfixes %j as %j ([] is none installed)", (value, expected) => {
    expect(computerInputSchema.parse({ ...valid, installedPcmHotfixes: value }).installedPcmHotfixes).toEqual(expected);
  });

  it("accepts a NETX client on MS-DOS", () => {
    expect(computerInputSchema.safeParse({ ...valid, platform: "DOS6", pcmVariant: "PCMDOS", isPcmServiceInstalled: false, isPcmServiceRunning: false, isNetwareNetxClient: true }).success).toBe(true);
  });
});

describe("messages for facts entered badly name the field", () => {
  it.each<[Record<string, unknown>, string, string]>([
    [{ isPcmwin32AutoStart: "maybe" }, "isPcmwin32AutoStart", "Pcmwin32 loads at logon must be yes, no or not set"],
    [{ clockOffsetSeconds: "ten" }, "clockOffsetSeconds", "Clock offset (seconds) must be a whole number from -86400 to 86400"],
    [{ smsClientServicePack: "SP3" }, "smsClientServicePack", "SMS client service pack must be a whole number from 0 to 4"],
  ])("%j", (change, path, message) => expect(messages(change)[path]).toBe(message));
});
