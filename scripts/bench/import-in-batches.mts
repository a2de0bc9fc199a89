// Benchmark set-up only: imports a large site document as several imports, the computers in
// batches, so no single import's transaction (120 s timeout, lib/data/sites/site-document-import.ts) has to
// hold 50,000 computers on a loaded machine. The product's import stays one all-or-nothing transaction.
import { importSiteDocument } from "../../lib/data/sites/site-document-import.ts";
import type { SiteDocumentInput } from "../../lib/site-document/schema.ts";

const COMPUTERS_PER_IMPORT = 5_000;

export async function importInBatches(document: SiteDocumentInput): Promise<void> {
  const computers = document.computers ?? [];
  // The first import carries everything else (machine groups name computers of the first batch).
  await importSiteDocument({ ...document, computers: computers.slice(0, COMPUTERS_PER_IMPORT) });
  for (let start = COMPUTERS_PER_IMPORT; start < computers.length; start += COMPUTERS_PER_IMPORT) {
    // Computers alone: their sites and logon servers are checked against the database, imported above.
    await importSiteDocument({ format: document.format, version: document.version, computers: computers.slice(start, start + COMPUTERS_PER_IMPORT) });
  }
}
