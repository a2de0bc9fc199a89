import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";
import { isWindowsNt } from "../target-helpers";

/** The SP3 Pcmsvc32 files (Q190287). */
export const SP3_PCM_SERVICE_FILE_DATE = "1997-10-08";
/** The BackOffice Resource Kit copy, which Q190287 says not to prefer over the SP3 files. */
export const RESOURCE_KIT_PCM_SERVICE_FILE_DATE = "1998-02-24";
const FILE_DATE_NOT_RECORDED = unknownFact("PCM service file date not recorded");

/** R67 (Q166765, Q190287, Q181118): the target runs a current PCM service. */
export const outdatedPcmService: TargetRule = {
  kind: "target",
  code: "R67",
  title: "PCM service version",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q166765", "Q190287", "Q181118", "Q193224", "Q195937"],
  why:
    "Q166765 asks to check the Pcmsvc32 file date before sending service jobs. Builds older than the SP3 files (10/08/97) lack the fixes of SP2 and SP3, " +
    "and Q190287 prefers the SP3 files over the BackOffice Resource Kit copy dated 02/24/98. Later SP4 hotfixes are checked by R7 and R9.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget(computer) {
    if (!isWindowsNt(computer.platform) || !computer.isPcmServiceInstalled) return false;
    const date = computer.pcmServiceFileDate;
    if (date === null) return FILE_DATE_NOT_RECORDED;
    return date < SP3_PCM_SERVICE_FILE_DATE || date === RESOURCE_KIT_PCM_SERVICE_FILE_DATE;
  },
  message: (count, total) =>
    `${ofTargets(count, total)} run a PCM service older than the SP3 files or the Resource Kit copy: update the PCM service (site reset for SMS servers, RSERVICE for workstations); use SP3 files rather than the BackOffice Resource Kit copies.`,
  fix: () => ({ form: "computer", field: "pcmServiceFileDate", text: "Update Pcmsvc32 with RSERVICE (workstations) or a site reset (SMS servers), then record the new file date." }),
};
