// npm run docs:schema: writes the site document's JSON Schema, generated from the zod schemas.
import { writeFileSync } from "node:fs";
import { siteDocumentJsonSchemaText } from "../lib/site-document/json-schema";

const file = "docs/site-document.schema.json";
writeFileSync(file, siteDocumentJsonSchemaText());
console.log(`Wrote ${file}`);
