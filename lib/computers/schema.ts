import { z } from "zod";
import { PCM_VARIANT_OF_PLATFORM, PCM_VARIANTS, PLATFORMS, WINDOWS_NT_PLATFORMS } from "../platforms";
import { checkbox, oneOf, optional, requiredText, text, wholeNumber } from "../schema-fields";
import { MAX_SERVICE_PACK, refineServicePack, siteCodeSchema, SMS_VERSIONS } from "../sites/schema";
import { netbiosNameSchema } from "../servers/schema";
import { SMS_ID_PATTERN } from "../sms-id";
import { wallClockSchema } from "../wall-clock";

export const NT_ROLES = ["WORKSTATION", "SERVER_STANDALONE", "MEMBER_SERVER", "DOMAIN_CONTROLLER"] as const;
export const PCM_SERVICE_START_TYPES = ["AUTOMATIC", "MANUAL", "DISABLED"] as const;
export const NETWORK_LINKS = ["FAST", "SLOW"] as const;

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
    isPcmServiceInstalled: checkbox(),
    pcmServiceFileDate: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "PCM service file date must be YYYY-MM-DD" })),
    pcmServiceInstallDirectory: optional(text("PCM service install directory", 260).pipe(z.string().min(1))),
    pcmServiceStartType: optional(oneOf("PCM service start type", PCM_SERVICE_START_TYPES)),
    isPcmServiceRunning: checkbox(),
    pcmServiceAccountIsLocalAdmin: checkbox(),
    pcmServiceAccountCanLogOnAsService: checkbox(),
    pcmServiceAccountCanReadShares: checkbox(),
    pcmServiceAccountIsDomainAdmin: checkbox(),
    networkLink: oneOf("Network link", NETWORK_LINKS).default("FAST"),
    lastInventoryAt: optional(wallClockSchema("Last inventory")),
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
  });

export type ComputerInput = z.infer<typeof computerInputSchema>;
