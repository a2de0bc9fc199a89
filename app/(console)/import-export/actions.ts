"use server";

import { formOrEmpty } from "@/lib/forms";

import { revalidatePath } from "next/cache";
import { importSiteDocument, validateSiteDocument } from "@/lib/data/sites/site-document-import";
import { asDomainError } from "@/lib/errors";
import { MAX_SITE_DOCUMENT_BYTES, siteDocumentTooLargeMessage } from "@/lib/site-document/limits";
import { describeImportSummary } from "@/lib/site-document/summary";
import { actionRefusal } from "../access";

export type ImportState =
  | { status: "idle" }
  | { status: "imported"; message: string }
  | { status: "valid"; message: string }
  | { status: "error"; message: string; issues: { path: string; message: string }[] };

export async function importSiteDocumentAction(_state: ImportState, submitted: FormData): Promise<ImportState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("sites:write");
  if (refusal) return { status: "error", message: refusal.message, issues: [] };
  const file = formData.get("document");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose a site document (.json) to import.", issues: [] };
  if (file.size > MAX_SITE_DOCUMENT_BYTES) return { status: "error", message: siteDocumentTooLargeMessage(file), issues: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch (error) {
    return { status: "error", message: `${file.name} is not valid JSON: ${(error as Error).message}`, issues: [] };
  }
  try {
    if (formData.get("checkOnly") === "on") {
      const result = await validateSiteDocument(raw);
      if ("issues" in result) return { status: "error", message: `${file.name} has ${result.issues.length} problem(s).`, issues: result.issues };
      return { status: "valid", message: `${file.name} is valid and can be imported.` };
    }
    const summary = await importSiteDocument(raw);
    revalidatePath("/", "layout");
    return {
      status: "imported",
      message: `${describeImportSummary(summary)} from ${file.name}.`,
    };
  } catch (error) {
    // Refusals and database faults (disk full, lock held) as their message; bugs are rethrown.
    const domainError = asDomainError(error);
    if (!domainError) throw error;
    return { status: "error", message: domainError.message, issues: [...domainError.issues] };
  }
}
