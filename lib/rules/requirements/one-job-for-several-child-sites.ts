import type { JobRule } from "../rule";
import { siteSubject } from "../subjects";

/** R51 (Q121386): send a separate job per child site. */
export const oneJobForSeveralChildSites: JobRule = {
  kind: "job",
  code: "R51",
  title: "One job per child site",
  severity: "warning",
  scope: "site",
  gate: null,
  sources: ["Q121386"],
  why:
    "The distribution servers a job's instruction records list are fixed per job at activation. One job to several child sites gives clients at each site the other sites' servers, " +
    "and PCM may then pick a server across the WAN.",
  check({ definition, targetSiteCodes }) {
    const childSites = targetSiteCodes.filter((code) => code !== definition.siteCode);
    if (childSites.length < 2) return null;
    return {
      finding: {
        message: `Send a separate job per child site so clients do not get other sites' distribution servers: this job reaches ${childSites.length} sites (${childSites.join(", ")}).`,
        subjects: childSites.map(siteSubject),
        fix: { form: "job", field: "target.limitToSiteCode", text: "Create one job per child site, each limited to that site." },
      },
    };
  },
};
