import type { PackageRule } from "../rule";
import { plural, siteSubject } from "../subjects";

const COPIES_NEEDED = 4;

/** R56 (Q166725, Q140055): a site server needs about four times the package source size. */
export const siteServerDiskSpace: PackageRule = {
  kind: "package",
  code: "R56",
  title: "Site server disk space",
  severity: "warning",
  scope: "package",
  gate: null,
  sources: ["Q166725", "Q140055"],
  why:
    "SMS keeps the source, a compressed copy in SENDER.BOX\\TOSEND, a compressed master in DESPOOLR.BOX\\STORE, a decompression copy and the SMS_PKGx share copy, " +
    "so a site server needs at least four times the source size free.",
  check({ package: pkg, sites, storingSiteCodes }) {
    if (pkg.sourceSizeBytes === null) return { notChecked: "the package source size is not recorded" };
    const needed = pkg.sourceSizeBytes * COPIES_NEEDED;
    const short: string[] = [];
    let unknownCount = 0;
    for (const code of storingSiteCodes) {
      const free = sites.get(code)?.siteServerFreeDiskBytes ?? null;
      if (free === null) unknownCount += 1;
      else if (free < needed) short.push(code);
    }
    const notChecked = unknownCount > 0 ? `site server free disk space not recorded for ${plural(unknownCount, "site")}` : undefined;
    if (short.length === 0) return notChecked ? { notChecked } : null;
    return {
      notChecked,
      finding: {
        message: `SMS needs about four times the source size (${formatMegabytes(needed)}) on the site server; ${plural(short.length, "site")} ha${short.length === 1 ? "s" : "ve"} less free: ${short.join(", ")}.`,
        subjects: short.map(siteSubject),
        fix: { form: "site", field: "siteServerFreeDiskMegabytes", text: `Free at least ${formatMegabytes(needed)} on the site server, then record it.` },
      },
    };
  },
};

function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024)} MB`;
}
