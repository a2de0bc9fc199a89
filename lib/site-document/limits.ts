/** Largest site document accepted from an upload: 10,000 computers take about 7 MB. */
export const MAX_SITE_DOCUMENT_BYTES = 32 * 1024 * 1024;
