import { isChecked, listOf, recordOf, textOf } from "@/components/ui/form-values";
import { PLATFORMS, type Platform } from "@/lib/platforms";
import type { ReviewCommandLine, ReviewPackage } from "@/lib/rules/context";

const MEGABYTE = 1024 * 1024;

function recordedBoolean(value: unknown): boolean | null {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return null;
}

function recordedWholeNumber(value: unknown): number | null {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 0 ? number : null;
}

const isPlatform = (value: unknown): value is Platform => PLATFORMS.includes(value as Platform);

/**
 * The package form's values (a saved package or raw form strings) as the requirement rules read a
 * package. Lenient, unlike the schema: a field that does not parse yet counts as not recorded, so
 * the findings follow what is typed without waiting for the form to be valid.
 */
export function reviewPackageOfFormValues(values: Record<string, unknown>, packageId: string | null): ReviewPackage {
  const sourceSizeMegabytes = recordedWholeNumber(values.sourceSizeMegabytes);
  return {
    packageId: packageId ?? "new package",
    siteCode: textOf(values.siteCode),
    name: textOf(values.name).trim(),
    comments: textOf(values.comments),
    sourceDirectory: textOf(values.sourceDirectory).trim(),
    commandLines: listOf(values.commandLines).map(recordOf).map(reviewCommandLineOf),
    sourceFileCount: recordedWholeNumber(values.sourceFileCount),
    hasLongFileNames: recordedBoolean(values.hasLongFileNames),
    isSourceOnNtfs: recordedBoolean(values.isSourceOnNtfs),
    sourceSizeBytes: sourceSizeMegabytes === null ? null : sourceSizeMegabytes * MEGABYTE,
    hasSourceChangedSinceLastSend: recordedBoolean(values.hasSourceChangedSinceLastSend),
    // No job has chosen distribution servers in the package form.
    distributionServerNames: null,
    // Package reviews run no job rule; R55 reads the share name of a Share Package On Server job's package.
    shareName: null,
  };
}

function reviewCommandLineOf(line: Record<string, unknown>): ReviewCommandLine {
  return {
    // 0 for a row not saved yet: the rules then name it by its position.
    id: recordedWholeNumber(line.id) ?? 0,
    commandName: textOf(line.commandName).trim(),
    commandLine: textOf(line.commandLine).trim(),
    isAutomated: isChecked(line.isAutomated),
    isSystemTask: isChecked(line.isSystemTask),
    isUserInputRequired: recordedBoolean(line.isUserInputRequired),
    isSynchronousSystemExitRequired: isChecked(line.isSynchronousSystemExitRequired),
    supportedPlatforms: listOf(line.supportedPlatforms).filter(isPlatform),
    restartsComputer: isChecked(line.restartsComputer),
    requiresAdministratorRights: recordedBoolean(line.requiresAdministratorRights),
  };
}
