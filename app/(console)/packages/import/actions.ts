"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { importPackageDefinition, type DefinitionProblem } from "@/lib/data/packages/package-definitions";
import { asDomainError } from "@/lib/errors";
import type { PackageInput } from "@/lib/packages/schema";
import { MAX_PDF_BYTES, tooLargeMessage } from "@/lib/pdf/ini";
import { actionRefusal } from "../../access";

export type PdfImportState =
  | { status: "idle" }
  | { status: "preview"; fileName: string; siteCode: string; pdf: string; problems: DefinitionProblem[]; package: PackageInput }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; problems: DefinitionProblem[]; siteCode: string };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/**
 * Import PDF in two steps: "Preview" reads the uploaded file and shows the package it would
 * create; "Create package" sends the same bytes back (held in the form) and creates it. Nothing is
 * created before the second step, and nothing at all when the file has an error.
 */
export async function importPackageDefinitionAction(_state: PdfImportState, formData: FormData): Promise<PdfImportState> {
  const refusal = await actionRefusal("packages:write", { type: "package" });
  if (refusal) return { status: "error", message: refusal.message, fieldErrors: {}, problems: [], siteCode: "" };
  // Called by hand (not by its form) it may get no form at all: then nothing was chosen.
  if (!(formData instanceof FormData)) return { status: "error", message: "Choose a Package Definition File (.PDF) to import.", fieldErrors: { file: "Choose a .PDF file" }, problems: [], siteCode: "" };
  const siteCode = text(formData.get("siteCode")).slice(0, 10);
  const isConfirmed = formData.get("intent") === "create";
  let bytes: Uint8Array;
  let fileName: string;
  if (isConfirmed) {
    const held = text(formData.get("pdf"));
    // Base64 of at most MAX_PDF_BYTES; anything longer was not written by the preview.
    if (held.length > Math.ceil(MAX_PDF_BYTES / 3) * 4 + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(held)) return { status: "error", message: "The previewed file did not come back intact; preview it again.", fieldErrors: {}, problems: [], siteCode };
    bytes = Buffer.from(held, "base64");
    fileName = text(formData.get("fileName")).slice(0, 255) || "PACKAGE.PDF";
  } else {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose a Package Definition File (.PDF) to import.", fieldErrors: { file: "Choose a .PDF file" }, problems: [], siteCode };
    fileName = file.name.slice(0, 255);
    // Too big to be a PDF: refused without reading it (the parser would refuse it too).
    if (file.size > MAX_PDF_BYTES) return { status: "error", message: `${fileName} cannot be imported. Nothing was created.`, fieldErrors: {}, problems: [{ line: 0, severity: "error", message: tooLargeMessage(file.size) }], siteCode };
    bytes = new Uint8Array(await file.arrayBuffer());
  }
  if (!siteCode) return { status: "error", message: "Choose the site that will own the package.", fieldErrors: { siteCode: "Site is required" }, problems: [], siteCode };
  let result;
  try {
    result = await importPackageDefinition({ bytes, fileName, siteCode, name: text(formData.get("name")).slice(0, 200) || undefined, isDryRun: !isConfirmed });
  } catch (caught) {
    // Refusals, and database faults (disk full, lock held) in their own words; bugs are rethrown.
    const error = asDomainError(caught);
    if (!error) throw caught;
    return { status: "error", message: error.message, fieldErrors: Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])), problems: [], siteCode };
  }
  if (!result.package) {
    const errors = result.problems.filter((problem) => problem.severity === "error").length;
    return { status: "error", message: `${fileName} cannot be imported: ${errors === 1 ? "1 error" : `${errors} errors`}. Nothing was created.`, fieldErrors: {}, problems: result.problems, siteCode };
  }
  if (!result.packageId) return { status: "preview", fileName, siteCode, pdf: Buffer.from(bytes).toString("base64"), problems: result.problems, package: result.package };
  revalidatePath("/packages");
  redirect(`/packages/${result.packageId}`);
}
