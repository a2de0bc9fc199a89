import "server-only";
import { SITE_CODE_PATTERN } from "../../sms-id";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { DefinitionProblem } from "../../pdf/definition";
import { parsePackageDefinitionFile } from "../../pdf/parse";
import { definitionOfPackage, packageInputOfDefinition } from "../../pdf/package-input";
import { writePackageDefinitionFile } from "../../pdf/write";
import type { PackageInput } from "../../packages/schema";
import { createPackage, getPackage } from "./packages";
import { authorize } from "../accounts/session";

export type { DefinitionProblem };

/** What importing a PDF would create (or did), with every problem by line; nothing is created unless `package` is set and confirmed. */
export interface PackageDefinitionImport {
  fileName: string;
  problems: DefinitionProblem[];
  /** The package the PDF defines; null when any problem is an error. */
  package: PackageInput | null;
  /** Set when the import created the package. */
  packageId: string | null;
}

/**
 * Reads a Package Definition File and, unless `isDryRun`, creates its package with its command
 * lines and Inventory set in one transaction: all or nothing (digest §2.2, Q140055).
 */
export async function importPackageDefinition(options: { bytes: Uint8Array; fileName: string; siteCode: string; name?: string; isDryRun: boolean }): Promise<PackageDefinitionImport> {
  await authorize(options.isDryRun ? "console:read" : "packages:write", { type: "package" });
  const fileName = options.fileName.slice(0, 255);
  const siteCode = options.siteCode.trim().toUpperCase();
  // Checked before the database sees it: a code no site can have (or a NUL, which PostgreSQL refuses).
  const site = SITE_CODE_PATTERN.test(siteCode) ? await db.site.findUnique({ where: { code: siteCode }, select: { code: true } }) : null;
  if (!site) throw new DomainError("invalid", `Site ${options.siteCode} does not exist`, [{ path: "siteCode", message: `Site ${options.siteCode} does not exist` }]);
  const parsed = parsePackageDefinitionFile(options.bytes);
  if (!parsed.ok) return { fileName, problems: parsed.problems, package: null, packageId: null };
  const mapped = packageInputOfDefinition(parsed.definition, parsed.lines, { siteCode: site.code, name: options.name, fileName });
  const problems = [...parsed.problems, ...mapped.problems].sort((a, b) => a.line - b.line);
  if (!mapped.ok) return { fileName, problems, package: null, packageId: null };
  if (options.isDryRun) return { fileName, problems, package: mapped.input, packageId: null };
  const packageId = await createPackage({ input: mapped.input, detail: `Imported from the Package Definition File ${fileName}` });
  return { fileName, problems, package: mapped.input, packageId };
}

/** A package as a Package Definition File named after its ID, as Writepdf.exe wrote one (Q186403). */
export async function exportPackageDefinition(options: { packageId: string }): Promise<{ fileName: string; text: string }> {
  const pkg = await getPackage(options.packageId);
  if (!pkg) throw new DomainError("not_found", `Package ${options.packageId} does not exist`);
  return { fileName: `${pkg.packageId}.PDF`, text: writePackageDefinitionFile(definitionOfPackage(pkg)) };
}
