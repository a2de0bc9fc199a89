import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const TIME_ZONE_NOT_RECORDED = unknownFact("time zone of the client or the job's site not recorded");

/** R45 (Q189305): PCM compares job times with the client's local clock. */
export const clientInOtherTimeZone: TargetRule = {
  kind: "target",
  code: "R45",
  title: "Clients in other time zones",
  severity: "info",
  scope: "target",
  gate: null,
  sources: ["Q189305"],
  why:
    "SMS stores job times as the originating site's wall clock, without a zone, and each client runs the package when its own local clock reaches that time. " +
    "Clients in other time zones therefore run at the same local time, not the same moment.",
  appliesTo: ({ hasRunPhase, jobSite }) => hasRunPhase && jobSite !== null,
  checkTarget(computer, { jobSite }) {
    const siteOffset = jobSite?.utcOffsetMinutes ?? null;
    if (computer.utcOffsetMinutes === null || siteOffset === null) return TIME_ZONE_NOT_RECORDED;
    return computer.utcOffsetMinutes !== siteOffset;
  },
  message: (count, total) =>
    `${ofTargets(count, total)} are in another time zone: PCM compares the job time with the client's local clock; runs happen at the same local time in each zone (DST adjusted).`,
  fix: () => ({ form: "job", field: "runPhase.offerAfter", text: "Read the job times as each client's local time; use separate jobs if the moment matters." }),
};
