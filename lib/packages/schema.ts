import { z } from "zod";
import { PLATFORMS } from "../platforms";
import { checkbox, instructionText, oneOf, optional, optionalBoolean, requiredText, text, wholeNumber } from "../schema-fields";
import { siteCodeSchema } from "../sites/schema";
import { PACKAGE_ID_PATTERN } from "../sms-id";
import { reportDuplicates } from "../machine-groups/schema";

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

const packageFields = z.object({
  siteCode: siteCodeSchema(),
  name: instructionText(requiredText("Package name", 100), "Package name"),
  comments: instructionText(text("Comments", 1000), "Comments"),
  sourceDirectory: text("Workstation source directory", 260),
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
      .array(z.string().trim().toUpperCase().min(1, { error: "Distribution server names cannot be empty" }))
      .default([])
      .superRefine((names, context) => reportDuplicates(names, [], "is listed twice", context)),
  })
  .superRefine(refineCommandNames);
export type DocumentPackage = z.infer<typeof documentPackageSchema>;
export type DocumentPackageInput = z.input<typeof documentPackageSchema>;
