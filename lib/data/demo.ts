import "server-only";
import { buildDemoSiteDocument } from "../demo/demo-site-document";
import { db } from "../db";
import type { ImportSummary } from "../site-document/summary";
import { importSiteDocument } from "./site-document-import";

/** Loads the demo on the first start of an empty database; never touches one that holds data. */
export async function loadDemoIfEmpty(): Promise<ImportSummary | null> {
  if ((await db.site.count()) > 0) return null;
  return importSiteDocument(buildDemoSiteDocument());
}
