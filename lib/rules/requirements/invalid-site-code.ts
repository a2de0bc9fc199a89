import { isReservedSiteCode, SITE_CODE_PATTERN } from "../../sms-id";
import type { JobRule } from "../rule";
import { siteSubject } from "../subjects";

/** R81 (Q182420, Q122179): site codes are 3 alphanumeric characters and not CON, PRN, AUX or NUL. */
export const invalidSiteCode: JobRule = {
  kind: "job",
  code: "R81",
  title: "Valid site code",
  severity: "error",
  scope: "site",
  gate: null,
  sources: ["Q182420", "Q122179"],
  why:
    "SMS creates directories named after site codes (Site.srv\\Dataload.box\\Files.col\\<site code>), which fail for the reserved device names, " +
    "and rejects codes that are not 3 alphanumeric characters (event 209).",
  check({ context, definition, targetSiteCodes }) {
    const codes = new Set([definition.siteCode, context.package.siteCode, ...targetSiteCodes]);
    if (definition.target.limitToSiteCode) codes.add(definition.target.limitToSiteCode);
    const invalid = [...codes].filter((code) => !SITE_CODE_PATTERN.test(code) || isReservedSiteCode(code));
    if (invalid.length === 0) return null;
    return {
      finding: {
        message: `Invalid site code: ${invalid.join(", ")}.`,
        subjects: invalid.map(siteSubject),
        fix: { form: "site", field: "code", text: "Use 3 characters A-Z or 0-9, not CON, PRN, AUX or NUL." },
      },
    };
  },
};
