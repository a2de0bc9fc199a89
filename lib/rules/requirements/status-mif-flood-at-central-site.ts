import type { JobRule } from "../rule";
import { jobSubject, siteSubject } from "../subjects";
import { wallClockToEpochMs } from "../../wall-clock";

/** "Tens of thousands of machines" (Q140389, whose example is 20,000 machines × 2 jobs ≈ 40,000 MIFs): from ten thousand. */
export const STATUS_MIF_FLOOD_COUNT = 10_000;
/** "The same night": Mandatory After times within 12 hours of each other. */
const SAME_NIGHT_MS = 12 * 60 * 60 * 1000;

/**
 * R53 (Q140389): every target of a mandatory job writes a job status MIF, and the MIFs travel up to
 * the central site; large jobs originating there on the same night swamp it.
 */
export const statusMifFloodAtCentralSite: JobRule = {
  kind: "job",
  code: "R53",
  title: "Status MIF flood at the central site",
  severity: "warning",
  scope: "job",
  gate: null,
  sources: ["Q140389"],
  undecidablePart: `The central site's capacity is not recorded, so the rule counts the status MIFs due and warns from ${STATUS_MIF_FLOOD_COUNT.toLocaleString("en-US")} in 12 hours; the MIFs actually received are not measured.`,
  why:
    "Each target of a Run Command On Workstation job sends a job status MIF that the site processes and forwards to its parent; jobs originating at the central site for tens of thousands of machines " +
    "on the same night swamp it (Q140389: 20,000 machines × 2 jobs ≈ 40,000 MIFs). The console counts this job's targets and those of the other active mandatory jobs " +
    "from the same central site whose Mandatory After is within 12 hours of this one's.",
  check({ context, jobSite, hasRunPhase, mandatoryAfter }) {
    if (!hasRunPhase || !mandatoryAfter || !jobSite || jobSite.parentCode !== null) return null;
    const isCentral = [...context.sites.values()].some((site) => site.parentCode === jobSite.code);
    if (!isCentral) return null;
    if (!context.otherJobs) return { notChecked: "the other active jobs were not loaded" };
    const at = wallClockToEpochMs(mandatoryAfter);
    const sameNight = context.otherJobs.filter(
      (other) => other.jobId !== context.job.jobId && other.siteCode === jobSite.code && Math.abs(wallClockToEpochMs(other.mandatoryAfter) - at) <= SAME_NIGHT_MS,
    );
    const count = context.targets.length + sameNight.reduce((sum, other) => sum + other.targetCount, 0);
    if (count < STATUS_MIF_FLOOD_COUNT) return null;
    const withOthers = sameNight.length > 0 ? ` (this job's ${context.targets.length.toLocaleString("en-US")} targets and ${sameNight.map((other) => other.jobId).join(", ")})` : "";
    return {
      finding: {
        message: `About ${count.toLocaleString("en-US")} job status MIFs are due at central site ${jobSite.code} within 12 hours of ${mandatoryAfter}${withOthers}: job status MIFs will flood the central site; originate workstation jobs at second-tier sites.`,
        subjects: [jobSubject(context.job.jobId), siteSubject(jobSite.code)],
        fix: { form: "job", field: "siteCode", text: "Send the job from the second-tier sites (one job per child site), or spread Mandatory After over several nights." },
      },
    };
  },
};
