import type { JobRule } from "../rule";
import { siteSubject } from "../subjects";

/** R66 (Q167683, Q168566): ISMIF32.DLL is installed only where Package Command Manager is enabled. */
export const pcmDisabledAtSite: JobRule = {
  kind: "job",
  code: "R66",
  title: "Package Command Manager enabled at the site",
  severity: "warning",
  scope: "site",
  gate: null,
  sources: ["Q167683", "Q168566"],
  why:
    "Site Properties, Clients enables the client components, Package Command Manager among them. Where it is off, client setup does not install PCM's files, " +
    "ISMIF32.DLL included, so installers cannot write the status MIFs the job's workstation status comes from.",
  check({ clientSites, hasRunPhase }) {
    if (!hasRunPhase) return null;
    const disabled = clientSites.filter((site) => !site.isPcmEnabled);
    if (disabled.length === 0) return null;
    return {
      finding: {
        message: `ISMIF32.DLL is only installed when PCM is enabled in the site's client settings; Package Command Manager is disabled at ${disabled.map((site) => site.code).join(", ")}.`,
        subjects: disabled.map((site) => siteSubject(site.code)),
        fix: { form: "site", field: "isPcmEnabled", value: true, text: "Enable Package Command Manager in Site Properties, Clients." },
      },
    };
  },
};
