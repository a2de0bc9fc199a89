import { ntencapShutdownDelaySeconds } from "../command-line-text";
import type { ReviewBusinessHours } from "../context";
import type { JobRule } from "../rule";
import { jobSubject, plural, siteSubject } from "../subjects";

const MINIMUM_WARNING_SECONDS = 300;

/** Whether a wall-clock time falls inside business hours; an end before the start spans midnight, judged by the time's own weekday. */
export function isInBusinessHours(wallClock: string, hours: ReviewBusinessHours): boolean {
  const [year, month, day] = wallClock.slice(0, 10).split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  const time = wallClock.slice(11, 16);
  const isWithin = hours.start <= hours.end ? time >= hours.start && time < hours.end : time >= hours.start || time < hours.end;
  return hours.isoWeekdays.includes(weekday) && isWithin;
}

/** R41 (Q166765, Q171070): jobs that restart the computer belong off-hours, with time for users to save work. */
export const restartInBusinessHours: JobRule = {
  kind: "job",
  code: "R41",
  title: "Restarting jobs during business hours",
  severity: "warning",
  scope: "site",
  gate: null,
  sources: ["Q166765", "Q171070"],
  why:
    "The PCM service runs jobs while users are logged on or the workstation is locked, and desktop PCM starts mandatory jobs after a five-minute countdown. " +
    "A job that restarts the computer then interrupts people at work: schedule it off-hours and give them time to save (NTENCAP /NTz:300 warns five minutes ahead). " +
    "Business hours are each target site's, compared on the wall clock as PCM compares times.",
  check({ context, commandLine, hasRunPhase, isServiceJob, isMandatory, unattendedRunAt, clientSites }) {
    if (!hasRunPhase || !commandLine?.restartsComputer || (!isServiceJob && !isMandatory)) return null;
    const problems: string[] = [];
    const subjects = [];
    const delay = ntencapShutdownDelaySeconds(commandLine.commandLine);
    if (delay !== null && delay < MINIMUM_WARNING_SECONDS) {
      problems.push(`NTENCAP warns users only ${delay} seconds before the restart`);
      subjects.push(jobSubject(context.job.jobId));
    }
    let unknownCount = 0;
    if (unattendedRunAt) {
      const busy = clientSites.filter((site) => {
        if (site.businessHours === null) unknownCount += 1;
        return site.businessHours !== null && isInBusinessHours(unattendedRunAt, site.businessHours);
      });
      if (busy.length > 0) problems.push(`it runs at ${unattendedRunAt}, inside business hours at ${busy.map((site) => site.code).join(", ")}`);
      subjects.push(...busy.map((site) => siteSubject(site.code)));
    }
    const notChecked = unknownCount > 0 ? `business hours not recorded for ${plural(unknownCount, "site")}` : undefined;
    if (problems.length === 0) return notChecked ? { notChecked } : null;
    const dateField = isMandatory ? "runPhase.mandatoryAfter" : "runPhase.offerAfter";
    return {
      notChecked,
      finding: {
        message: `Jobs that restart the computer run even while users are logged on; schedule them off-hours and give users time (e.g. NTENCAP /NTz:300): ${problems.join("; ")}.`,
        subjects,
        fix: { form: "job", field: dateField, text: "Schedule the run outside business hours, and warn users at least 5 minutes ahead (NTENCAP /NTz:300)." },
      },
    };
  },
};
