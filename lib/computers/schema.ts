import { z } from "zod";
import { PCM_VARIANT_OF_PLATFORM, PCM_VARIANTS, PLATFORMS, WINDOWS_NT_PLATFORMS } from "../platforms";
import { DISABLE_RANDOM_PCM_SERVERS_VALUES } from "../rules/context";
import { checkbox, oneOf, optional, optionalBoolean, requiredText, text, wholeNumber } from "../schema-fields";
import { MAX_SERVICE_PACK, refineServicePack, siteCodeSchema, SMS_VERSIONS, UTC_OFFSET_BOUNDS } from "../sites/schema";
import { netbiosNameSchema } from "../servers/schema";
import { SMS_ID_PATTERN } from "../sms-id";
import { wallClockSchema } from "../wall-clock";

export const NT_ROLES = ["WORKSTATION", "SERVER_STANDALONE", "MEMBER_SERVER", "DOMAIN_CONTROLLER"] as const;
export const PCM_SERVICE_START_TYPES = ["AUTOMATIC", "MANUAL", "DISABLED"] as const;
export const NETWORK_LINKS = ["FAST", "SLOW"] as const;

/** NETX is the NetWare shell of MS-DOS and Windows 3.x clients (Q160775). */
const NETX_PLATFORMS = ["DOS5", "DOS6", "WIN16"] as const;

/** A hotfix's short name, usually its KB article: Q195937. */
const HOTFIX_NAME_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,19}$/;

/**
 * The post-SP4 PCM hotfixes on a client: a list, or from a form "Q195937, Q193784" and "none"
 * for none installed ([]); blank means not recorded. Names are upper-cased and kept once each.
 */
export const installedPcmHotfixesSchema = z.preprocess(
  (value) => {
    if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
    if (typeof value !== "string") return value;
    return value.trim().toLowerCase() === "none" ? [] : value.split(/[\s,;]+/).filter(Boolean);
  },
  z
    .array(z.string({ error: "Installed PCM hotfixes must be short names like Q195937" }).trim().toUpperCase(), { error: "Installed PCM hotfixes must be a list" })
    .superRefine((names, context) => {
      const invalid = names.find((name) => !HOTFIX_NAME_PATTERN.test(name));
      if (invalid !== undefined) {
        context.addIssue({ code: "custom", message: `Installed PCM hotfixes must be short names like Q195937 (up to 20 letters, digits, ., _ or -); "${invalid}" is not` });
      }
    })
    .transform((names) => [...new Set(names)])
    .optional(),
);

/** DOMAIN\ACCOUNT, as the PCM service's Log On As names it (an NT domain or computer, then an account of up to 20 characters). */
const SERVICE_ACCOUNT_PATTERN = /^[^\\/:*?"<>|,;=+[\]\s\x00-\x1f\x7f][^\\/:*?"<>|,;=+[\]\x00-\x1f\x7f]{0,14}\\[^\\/:*?"<>|,;=+[\]\x00-\x1f\x7f]{1,20}$/;

export function smsIdSchema(label = "SMS ID") {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .toUpperCase()
    .regex(SMS_ID_PATTERN, { error: `${label} must be 8 characters, A-Z or 0-9 (the first three are the creating site's code)` });
}

export const computerInputSchema = z
  .object({
    smsId: smsIdSchema(),
    // Macintosh names may be longer than NetBIOS names (zone + @ + name <= 31, Q149960).
    name: requiredText("Computer name", 31),
    siteCode: siteCodeSchema(),
    logonServer: optional(netbiosNameSchema("Logon server")),
    platform: oneOf("Platform", PLATFORMS),
    osVersion: text("OS version", 20),
    ntRole: optional(oneOf("Windows NT role", NT_ROLES)),
    ntDomain: optional(netbiosNameSchema("NT domain")),
    smsClientVersion: oneOf("SMS client version", SMS_VERSIONS),
    smsClientServicePack: wholeNumber("SMS client service pack", { min: 0, max: MAX_SERVICE_PACK }).default(0),
    pcmVariant: oneOf("PCM variant", PCM_VARIANTS),
    isPcmServiceInstalled: checkbox("PCM service installed"),
    pcmServiceFileDate: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "PCM service file date must be YYYY-MM-DD" })),
    pcmServiceInstallDirectory: optional(text("PCM service install directory", 260).pipe(z.string().min(1))),
    pcmServiceStartType: optional(oneOf("PCM service start type", PCM_SERVICE_START_TYPES)),
    isPcmServiceRunning: checkbox("PCM service running"),
    pcmServiceAccountIsLocalAdmin: checkbox("PCM service account is a local administrator"),
    pcmServiceAccountCanLogOnAsService: checkbox("PCM service account may log on as a service"),
    pcmServiceAccountCanReadShares: checkbox("PCM service account reads PCMINS.BOX and the package shares"),
    pcmServiceAccountIsDomainAdmin: checkbox("PCM service account is a Domain Admin"),
    networkLink: oneOf("Network link", NETWORK_LINKS).default("FAST"),
    lastInventoryAt: optional(wallClockSchema("Last inventory")),
    // Facts the requirement rules need; absent = not recorded.
    installedPcmHotfixes: installedPcmHotfixesSchema,
    isPcmwin32AutoStart: optionalBoolean("Pcmwin32 loads at logon"),
    clockOffsetSeconds: optional(wholeNumber("Clock offset (seconds)", { min: -86_400, max: 86_400 })),
    hasInteractiveUsers: optionalBoolean("Someone logs on at this computer"),
    usersAreLocalAdministrators: optionalBoolean("Its users are local administrators"),
    isPcmServiceDirectoryUserWritable: optionalBoolean("Users can write to the PCM service directory"),
    pcmServiceAccount: optional(
      z.string({ error: "PCM service account must be text" }).trim().regex(SERVICE_ACCOUNT_PATTERN, { error: "PCM service account must be DOMAIN\\ACCOUNT: a domain or computer name, a backslash and an account name of up to 20 characters" }),
    ),
    hasDuplicateSmsId: optionalBoolean("SMS ID also found on another computer"),
    utcOffsetMinutes: optional(wholeNumber("UTC offset (minutes)", UTC_OFFSET_BOUNDS)),
    isDaylightSavingAdjusted: optionalBoolean("Clock adjusts for daylight saving time"),
    isNetwareNetxClient: optionalBoolean("NetWare NETX client"),
    disableRandomPcmServers: optional(oneOf("DisableRandomPCMServers", DISABLE_RANDOM_PCM_SERVERS_VALUES)),
  })
  .superRefine((computer, context) => {
    refineServicePack(computer.smsClientVersion, computer.smsClientServicePack, context, ["smsClientServicePack"], "SMS client");
    const expectedVariant = PCM_VARIANT_OF_PLATFORM[computer.platform];
    if (computer.pcmVariant !== expectedVariant) {
      context.addIssue({
        code: "custom",
        path: ["pcmVariant"],
        message: `PCM variant ${computer.pcmVariant} does not run on ${computer.platform}; that platform runs ${expectedVariant}`,
      });
    }
    const isWindowsNt = WINDOWS_NT_PLATFORMS.includes(computer.platform);
    if (computer.ntRole && !isWindowsNt) {
      context.addIssue({ code: "custom", path: ["ntRole"], message: "Windows NT role applies to Windows NT computers only" });
    }
    // Pcmsvc32 exists only for Windows NT (Q167114); anything else is a data-entry mistake.
    if (computer.isPcmServiceInstalled && !isWindowsNt) {
      context.addIssue({ code: "custom", path: ["isPcmServiceInstalled"], message: "The PCM service can only be installed on Windows NT computers" });
    }
    if (!computer.isPcmServiceInstalled && computer.isPcmServiceRunning) {
      context.addIssue({ code: "custom", path: ["isPcmServiceRunning"], message: "The PCM service cannot be running when it is not installed" });
    }
    if (computer.isNetwareNetxClient && !(NETX_PLATFORMS as readonly string[]).includes(computer.platform)) {
      context.addIssue({ code: "custom", path: ["isNetwareNetxClient"], message: "NetWare NETX client applies to MS-DOS and Windows 3.x computers only" });
    }
  });

export type ComputerInput = z.infer<typeof computerInputSchema>;

/** Hotfix names as the database stores them: "Q193784,Q195937"; "" for none installed. */
export function formatHotfixList(names: readonly string[]): string {
  return names.join(",");
}

/** The stored comma list back as names: "" is none installed ([]), null is not recorded. */
export function parseHotfixList(stored: string | null): string[] | null {
  if (stored === null) return null;
  return stored.split(",").filter(Boolean);
}
