import { z } from "zod";
import { PLATFORMS } from "../platforms";
import { checkbox, instructionText, oneOf, optional, optionalBoolean, requiredText, text, wholeNumber } from "../schema-fields";
import { netbiosNameSchema } from "../servers/schema";
import { siteCodeSchema } from "../sites/schema";
import { PACKAGE_ID_PATTERN } from "../sms-id";
import { reportDuplicates } from "../machine-groups/schema";
import { readDetectionRule } from "./detection-rule";

/** Command Line Properties (digest §2.3). */
export const workstationCommandLineInputSchema = z.object({
  // Present when editing an existing command line, so jobs that use it keep pointing at it.
  id: z.preprocess((value) => (value === "" ? undefined : typeof value === "string" ? Number(value) : value), z.number().int().positive().optional()),
  commandName: instructionText(requiredText("Command name", 100), "Command name"),
  commandLine: instructionText(requiredText("Command line", 255), "Command line"),
  isAutomated: checkbox("Automated Command Line"),
  isSystemTask: checkbox("System (Background) Task"),
  isUserInputRequired: optionalBoolean("UserInputRequired"),
  isSynchronousSystemExitRequired: checkbox("SynchronousSystemExitRequired"),
  supportedPlatforms: z
    // No box ticked sends no field at all: that reads as the same "tick one" as an empty list.
    .array(oneOf("Supported platform", PLATFORMS), { error: "Tick at least one supported platform" })
    .min(1, { error: "Tick at least one supported platform" }),
  restartsComputer: checkbox("Restarts the computer"),
  // The program needs local administrator rights (R2); absent or null (as the data layer reads it) = not recorded.
  requiresAdministratorRights: optionalBoolean("Needs local administrator rights").nullable(),
});

export type WorkstationCommandLineInput = z.infer<typeof workstationCommandLineInputSchema>;


export function packageIdSchema(label = "Package ID") {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .toUpperCase()
    .regex(PACKAGE_ID_PATTERN, { error: `${label} must be 8 characters: a site code and 5 base-36 characters, e.g. BPC0000A` });
}

/** Text a Package Definition File line can carry: one line of printable Latin-1. */
function lineText(label: string, maxLength: number) {
  return text(label, maxLength).refine((value) => /^[\x20-\x7e\xa0-\xff\t]*$/.test(value), { error: `${label} must be one line of printable Latin-1 text` });
}

/** Share Package On Server refuses ADMIN$ and root drive shares (event 8, Q122177). */
export function isRefusedShareName(name: string): boolean {
  return /^(admin|[a-z])\$$/i.test(name.trim());
}

export const SHARE_ACCESS = ["READ", "CHANGE", "FULL_CONTROL"] as const;
export type ShareAccess = (typeof SHARE_ACCESS)[number];
export const SHARE_ACCESS_LABELS: Record<ShareAccess, string> = { READ: "Read", CHANGE: "Change", FULL_CONTROL: "Full Control" };

/** A form leaves a property set out with its "defined" box cleared; JSON uses null. */
function propertySet<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) return value ?? null;
    const { isDefined, ...rest } = value as Record<string, unknown>;
    return isDefined === undefined || isDefined === "on" || isDefined === "true" || isDefined === true ? rest : null;
  }, schema.nullable());
}

/** Setup Package for Sharing: the package's own share on distribution servers (Q185342). */
export const packageSharingSchema = z.object({
  sourceDirectory: requiredText("Sharing source directory", 260),
  shareName: requiredText("Share name", 80)
    .refine((name) => !isRefusedShareName(name), { error: "Share name cannot be ADMIN$ or a root drive$ share such as C$ (event 8, Q122177)" })
    .refine((name) => /^[^\\/[\]:|<>+=;,?*"\x00-\x1f]+$/.test(name), { error: 'Share name may not contain \\ / [ ] : | < > + = ; , ? * or "' }),
  access: oneOf("Share access", SHARE_ACCESS),
});
export type PackageSharing = z.infer<typeof packageSharingSchema>;

const CRC_PATTERN = /^\d+\s*,\s*\d+\s*,\s*\d+$/;

/** One [File n] test of the Inventory set; values are kept as the PDF writes them. */
export const detectionFileSchema = z.object({
  fileName: lineText("File name", 255).refine((value) => value !== "", { error: "File name is required" }),
  isCollected: checkbox("Collect"),
  checksum: lineText("Checksum", 100),
  crc: lineText("CRC", 100).refine((value) => value === "" || CRC_PATTERN.test(value), { error: "CRC must be three numbers separated by commas, e.g. 512,2048,23537 (Q167631)" }),
  date: lineText("Date", 20).refine((value) => value === "" || /^\d{1,2}\s*,\s*\d{1,2}\s*,\s*\d{2,4}$/.test(value), { error: "Date must be month, day, year, e.g. 7, 20, 95" }),
  size: lineText("Size", 10).refine((value) => /^\d*$/.test(value), { error: "Size must be a number of bytes" }),
  time: lineText("Time", 10).refine((value) => value === "" || /^\d{1,2}\s*,\s*\d{1,2}$/.test(value), { error: "Time must be hour, minute, e.g. 12, 00" }),
  byte: lineText("Byte test", 100),
  word: lineText("Word test", 100),
  long: lineText("Long test", 100),
  token1: lineText("Token 1", 100),
  token2: lineText("Token 2", 100),
  token3: lineText("Token 3", 100),
  token4: lineText("Token 4", 100),
});
export type DetectionFileInput = z.infer<typeof detectionFileSchema>;

/** Setup Package for Inventory: a detection rule over files (digest §2.3). */
export const packageInventorySchema = z
  .object({
    isInventoried: checkbox("Inventory this package"),
    detectionRule: lineText("Detection rule", 1000),
    files: z.array(detectionFileSchema, { error: "Detection files must be a list" }).max(50, { error: "A package may have at most 50 detection files" }).default([]),
  })
  .superRefine((inventory, context) => {
    const reading = readDetectionRule(inventory.detectionRule, inventory.files.length);
    if (!reading.ok) context.addIssue({ code: "custom", path: ["detectionRule"], message: `Detection rule: ${reading.message}` });
    else if (inventory.isInventoried && reading.parts.length === 0) context.addIssue({ code: "custom", path: ["detectionRule"], message: 'Detection rule is required to inventory the package, e.g. "File 1"' });
  });
export type PackageInventory = z.infer<typeof packageInventorySchema>;

const packageFields = z.object({
  siteCode: siteCodeSchema(),
  name: instructionText(requiredText("Package name", 100), "Package name"),
  comments: instructionText(text("Comments", 1000), "Comments"),
  // The PDF's Package Definition (Product, Version; Comment is the package's comments).
  product: lineText("Product", 100),
  productVersion: lineText("Version", 50),
  sourceDirectory: text("Workstation source directory", 260),
  sharing: propertySet(packageSharingSchema).default(null),
  inventory: propertySet(packageInventorySchema).default(null),
  commandLines: z.array(workstationCommandLineInputSchema, { error: "Command lines must be a list" }).default([]),
  // Facts about the source the requirement rules need; absent = not recorded.
  sourceFileCount: optional(wholeNumber("Source file count", { min: 0, max: 10_000_000 })),
  sourceSizeMegabytes: optional(wholeNumber("Source size (MB)", { min: 0, max: 10_000_000 })),
  hasLongFileNames: optionalBoolean("Source has long (non-8.3) file names"),
  isSourceOnNtfs: optionalBoolean("Source is on an NTFS volume"),
  hasSourceChangedSinceLastSend: optionalBoolean("Source changed since a job last sent it"),
});

/** Command names are unique within their package (case-insensitively, as Windows compares names). */
function refineCommandNames(pkg: { commandLines: { commandName: string }[] }, context: z.RefinementCtx) {
  const seen = new Set<string>();
  pkg.commandLines.forEach((commandLine, index) => {
    const key = commandLine.commandName.toLowerCase();
    if (seen.has(key)) {
      context.addIssue({ code: "custom", path: ["commandLines", index, "commandName"], message: `Command name "${commandLine.commandName}" is already used in this package` });
    }
    seen.add(key);
  });
}

export const packageInputSchema = packageFields.superRefine(refineCommandNames);
export type PackageInput = z.infer<typeof packageInputSchema>;

/** A package as the site document carries it: with the ID its site allocated. */
export const documentPackageSchema = packageFields
  .extend({
    packageId: packageIdSchema(),
    // The distribution servers jobs have put the package on (Q140051).
    distributionServers: z
      .array(netbiosNameSchema("Distribution server"))
      .default([])
      .superRefine((names, context) => reportDuplicates(names, [], "is listed twice", context)),
  })
  .superRefine(refineCommandNames);
export type DocumentPackage = z.infer<typeof documentPackageSchema>;
export type DocumentPackageInput = z.input<typeof documentPackageSchema>;
