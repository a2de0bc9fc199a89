import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { siteDocumentJsonSchemaText } from "./json-schema";

describe("docs/site-document.schema.json", () => {
  it("is what the zod schemas generate (run npm run docs:schema after changing them)", () => {
    expect(readFileSync("docs/site-document.schema.json", "utf8")).toBe(siteDocumentJsonSchemaText());
  });

  it("describes every collection and the fields of a command line", () => {
    const schema = JSON.parse(siteDocumentJsonSchemaText());
    expect(Object.keys(schema.properties)).toEqual(["format", "version", "sites", "servers", "computers", "queries", "machineGroups", "packages", "jobs"]);
    const commandLine = schema.properties.packages.items.properties.commandLines.items;
    expect(commandLine.required).toEqual(expect.arrayContaining(["commandName", "commandLine", "supportedPlatforms"]));
  });
});
