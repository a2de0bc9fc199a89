import { z } from "zod";
import { checkbox, oneOf, optional, optionalBoolean, requiredText, text, wholeNumber } from "../schema-fields";
import { siteCodeSchema } from "../sites/schema";

/** The instruction record's server types (Q123499). */
export const SERVER_TYPES = {
  1: "UNKNOWN",
  2: "WINNT3",
  3: "LANMAN1",
  4: "LANMAN2",
  5: "NETWARE2",
  6: "NETWARE3",
  7: "NETWARE4",
} as const;
export type ServerType = keyof typeof SERVER_TYPES;

export const FILE_SYSTEMS = ["NTFS", "FAT", "HPFS", "NETWARE"] as const;
export type FileSystem = (typeof FILE_SYSTEMS)[number];

/** NetBIOS names: 1-15 characters without the characters Windows forbids (control characters included). */
export const NETBIOS_NAME_PATTERN = /^[^\\/:*?"<>|.,;=+[\]\s\x00-\x1f\x7f][^\\/:*?"<>|,;=+[\]\x00-\x1f\x7f]{0,14}$/;

export function netbiosNameSchema(label: string) {
  return requiredText(label, 15)
    .toUpperCase()
    .regex(NETBIOS_NAME_PATTERN, { error: `${label} must be a NetBIOS name: up to 15 characters, no \\ / : * ? " < > | , ; = + [ ]` });
}

/** \\SERVER\SHARE: the package share a distribution server exposes, e.g. \\CNS-SMS\SMS_PKGD. */
export const UNC_SHARE_PATTERN = /^\\\\[^\\/:*?"<>|\x00-\x1f\x7f]{1,15}\\[^\\/:*?"<>|\x00-\x1f\x7f]{1,80}$/;

export const serverInputSchema = z
  .object({
    name: netbiosNameSchema("Server name"),
    siteCode: siteCodeSchema(),
    isLogonServer: checkbox("Logon server"),
    isDistributionServer: checkbox("Distribution server"),
    packageShare: requiredText("Package share", 120).regex(UNC_SHARE_PATTERN, {
      error: "Package share must be a UNC path like \\\\SERVER\\SMS_PKGD",
    }),
    serverType: wholeNumber("Server type", { min: 1, max: 7 }).default(2),
    fileSystem: oneOf("File system", FILE_SYSTEMS).default("NTFS"),
    hasServicesForMacintosh: checkbox("Services for Macintosh"),
    macintoshZone: optional(text("Macintosh zone", 32).pipe(z.string().min(1))),
    // Removed from the hierarchy but still listed under Transfer Packages (R57, Q199994); absent = not recorded.
    isRemovedFromHierarchy: optionalBoolean("Removed from the SMS hierarchy"),
  })
  .superRefine((server, context) => {
    if (server.macintoshZone && !server.hasServicesForMacintosh) {
      context.addIssue({ code: "custom", path: ["macintoshZone"], message: "Macintosh zone needs Services for Macintosh on the server" });
    }
  });

export type ServerInput = z.infer<typeof serverInputSchema>;

export function serverTypeName(type: number): string {
  return SERVER_TYPES[type as ServerType] ?? `type ${type}`;
}
