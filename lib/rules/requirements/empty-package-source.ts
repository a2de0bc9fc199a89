import type { PackageRule } from "../rule";
import { packageSubject } from "../subjects";

/** R19 (Q139590): a package's source directory must hold at least one file. */
export const emptyPackageSource: PackageRule = {
  kind: "package",
  code: "R19",
  title: "Package source must contain files",
  severity: "error",
  scope: "package",
  gate: null,
  sources: ["Q139590"],
  why: "SMS compresses the source directory when it sends the package; with no file in it the send fails, even for a job without a distribute phase.",
  check({ package: pkg }) {
    const hasNoDirectory = pkg.sourceDirectory.trim() === "";
    if (!hasNoDirectory && pkg.sourceFileCount === null) return { notChecked: "the number of files in the package source is not recorded" };
    if (!hasNoDirectory && (pkg.sourceFileCount ?? 0) > 0) return null;
    return {
      finding: {
        message: hasNoDirectory
          ? "The package has no source directory: a package needs at least one file in its source directory."
          : "The package source directory is empty: a package needs at least one file in its source directory.",
        subjects: [packageSubject(pkg.packageId)],
        fix: { form: "package", field: "sourceDirectory", text: "Point the source directory at the files to install." },
      },
    };
  },
};
