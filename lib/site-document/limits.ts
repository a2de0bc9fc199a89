/** Largest site document accepted from an upload: 10,000 computers take about 7 MB. */
export const MAX_SITE_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** The answer to a file over the limit, in the import form (before it is sent) and in its action. */
export function siteDocumentTooLargeMessage(file: { name: string; size: number }): string {
  return `${file.name} is ${file.size.toLocaleString("en-US")} bytes; the limit is ${MAX_SITE_DOCUMENT_BYTES.toLocaleString("en-US")}.`;
}
