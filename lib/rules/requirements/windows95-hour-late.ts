import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const DAYLIGHT_SAVING_NOT_RECORDED = unknownFact("daylight-saving setting of the Windows 95 client or its site server not recorded");

/** R44 (Q169474, Q186132): Windows 95 clients may run a job one hour late. */
export const windows95HourLate: TargetRule = {
  kind: "target",
  code: "R44",
  title: "Windows 95 clients run an hour late",
  severity: "warning",
  scope: "target",
  gate: null,
  versionNote: "Windows 95 clients; the display bug on SMS 1.2 SP3 clients",
  sources: ["Q169474", "Q186132"],
  why:
    "A Windows 95 client that adjusts for daylight saving while its site server does not runs the job one hour after Offer After (Q169474). " +
    "SMS 1.2 SP3 PCM on Windows 95 also shows the Mandatory After time one hour late (Q186132).",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { context, isMandatory }) {
    if (computer.platform !== "WINDOWS95") return false;
    if (isMandatory && computer.smsClientVersion === "1.2" && computer.smsClientServicePack === 3) return true;
    const siteAdjusts = context.sites.get(computer.siteCode)?.isDaylightSavingAdjusted ?? null;
    if (computer.isDaylightSavingAdjusted === null || siteAdjusts === null) return DAYLIGHT_SAVING_NOT_RECORDED;
    return computer.isDaylightSavingAdjusted && !siteAdjusts;
  },
  message: (count, total) => `${ofTargets(count, total)} are Windows 95 clients that may run the job one hour late (DST handling / SP3 display bug).`,
  fix: () => ({ form: "job", field: "runPhase.mandatoryAfter", text: "Allow an hour's slack in the schedule, or align the clients' and site server's daylight-saving settings." }),
};
