import type { PackageDetail } from "@/lib/data/packages/packages";

/**
 * What the package form renders from: a saved package, or what the user just submitted (raw form
 * strings) when the server refused it; components/ui/form-values.ts reads both.
 */
export type PackageFormValues = Record<string, unknown>;

export function packageToFormValues(pkg: PackageDetail): PackageFormValues {
  return {
    siteCode: pkg.siteCode,
    name: pkg.name,
    comments: pkg.comments,
    product: pkg.product,
    productVersion: pkg.productVersion,
    sourceDirectory: pkg.sourceDirectory,
    sharing: pkg.sharing,
    inventory: pkg.inventory,
    sourceFileCount: pkg.sourceFileCount ?? undefined,
    sourceSizeMegabytes: pkg.sourceSizeMegabytes ?? undefined,
    hasLongFileNames: pkg.hasLongFileNames ?? undefined,
    isSourceOnNtfs: pkg.isSourceOnNtfs ?? undefined,
    hasSourceChangedSinceLastSend: pkg.hasSourceChangedSinceLastSend ?? undefined,
    version: pkg.version,
    commandLines: pkg.commandLines.map((line) => ({ ...line, isUserInputRequired: line.isUserInputRequired ?? undefined, requiresAdministratorRights: line.requiresAdministratorRights ?? undefined })),
  };
}
