import { siteDocumentJsonSchema } from "./schema";

/** The JSON Schema as committed in docs/: a test fails when the zod schemas and the file drift apart. */
export function siteDocumentJsonSchemaText(): string {
  const schema = {
    ...siteDocumentJsonSchema(),
    $id: "https://sms-console.local/schemas/site-document.schema.json",
    title: "SMS Console site document",
    description: "Sites, servers, computers, machine groups and packages with their workstation command lines (generated from lib/site-document/schema.ts).",
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
