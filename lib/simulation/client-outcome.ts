import { siteClockText } from "./site-clock";
import type { ClientState, RequestState } from "./client-state";
import { isPcmServiceEligible } from "./pcm-behaviour";
import type { OutcomeReason, RequestOutcome, SimulationEvent, SimulationOutcome } from "./simulation-result";

const NO_RECORD: OutcomeReason = { rule: "R31", article: "Q123499", message: "The client's instruction file holds no record, so PCM has nothing to run." };
/** No job offers the client a package, so its logon server holds no <SMS ID>.INS and PCM logs "No instruction file." (Q160855). */
const NO_FILE: OutcomeReason = { article: "Q160855", message: "The client has no instruction file on its logon server (PCM logs \"No instruction file.\"), so PCM has nothing to run." };

/** Whether some instruction file (even one without records) is on the logon server at any moment of the window. */
function hasFileInWindow(state: ClientState): boolean {
  const { versions, fromMs, toMs } = state.sim;
  return versions.some((version, index) => version.records !== null && version.fromMs <= toMs && (versions[index + 1]?.fromMs ?? Infinity) > fromMs);
}

function sniCounts(events: readonly SimulationEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== "poll") continue;
    for (const requestId of event.sniRequestIds) counts.set(requestId, (counts.get(requestId) ?? 0) + event.count);
  }
  return counts;
}

/** Why the desktop PCM never ran a record it could run: nobody logged on, or it never got going (R2, Q164657, Q188578, Q231378). */
function desktopReasons(state: ClientState, isServiceOnly: boolean): OutcomeReason[] {
  const { sim } = state;
  const reasons: OutcomeReason[] = [];
  if (sim.sessions.length === 0) {
    reasons.push(
      sim.client.hasInteractiveUsers === false
        ? { rule: "R2", article: "Q238315", message: "Nobody logs on to this computer, so the desktop PCM never starts there." }
        : { article: "Q131777", message: "No user logs on within the window, so the desktop PCM never starts." },
    );
  }
  if (state.clientNotes.has("pcmwin32-not-loaded")) {
    // R69 covers a desktop job; for a background job R61/R63 already say why the service does not run it.
    reasons.push({ ...(isServiceOnly ? {} : { rule: "R69" }), article: "Q164657", message: "Pcmwin32 is not loaded at logon, so the desktop PCM never polls." });
  }
  if (state.clientNotes.has("desktop-exited-no-logon-server")) {
    reasons.push({ rule: "R79", article: "Q188578", message: "The desktop PCM found no logon server at start-up and exited; it does not poll again until the next logon." });
  }
  if (state.clientNotes.has("desktop-exited-semaphore")) {
    reasons.push({ article: "Q231378", message: "Pcmwin32 timed out waiting for the PCM service's semaphore at start-up and exited until the next logon." });
  }
  return reasons;
}

function serviceReasons(state: ClientState, request: RequestState): OutcomeReason[] {
  const { sim } = state;
  const { notes } = request;
  const reasons: OutcomeReason[] = [];
  if (!sim.behaviour.desktopRunsServiceOnly) {
    if (!isPcmServiceEligible(sim.client)) {
      reasons.push({ rule: "R61", article: "Q167114", message: "The PCM service runs only on SMS 1.2 Windows NT clients (Intel or Alpha) in an NT domain, and the desktop PCM skips service-only packages (Q166765)." });
    } else if (!sim.behaviour.hasPcmService) {
      reasons.push({ rule: "R63", article: "Q166765", message: "The PCM service is not installed and running, and the desktop PCM skips service-only packages." });
    }
  }
  if (notes.has("service-never-runs-non-mandatory")) reasons.push({ rule: "R4", article: "Q174933", message: "Before SMS 1.2 SP3 the PCM service never runs a background job without Mandatory After, and logs nothing." });
  if (notes.has("service-needs-user-input-flag")) reasons.push({ rule: "R5", article: "Q174933", message: "The SP3+ PCM service runs a non-mandatory background job only when the PDF sets UserInputRequired=FALSE." });
  if (notes.has("service-blocked-by-desktop")) reasons.push({ rule: "R69", article: "Q164657", message: "Pcmwin32 is loaded and keeps the pre-SP2 PCM service from running background jobs." });
  return reasons;
}

function reasonsFor(state: ClientState, request: RequestState): OutcomeReason[] {
  const { sim } = state;
  const { record, notes, requestId } = request;
  const reasons: OutcomeReason[] = [];
  if (sim.history.has(requestId)) reasons.push({ article: "Q125934", message: `${requestId} is already executed in the client's local history, so PCM does not run it again.` });
  if (notes.has("filtered-platform")) reasons.push({ rule: "R60", article: "Q126644", message: "The record's Operating System mask does not include the client's platform, so PCM filters the package out." });
  if (record.isServiceOnly) reasons.push(...serviceReasons(state, request));
  if (!record.isServiceOnly || sim.behaviour.desktopRunsServiceOnly) reasons.push(...desktopReasons(state, record.isServiceOnly));
  if (notes.has("not-run-by-user")) reasons.push({ article: "Q187287", message: "The package is optional and the user is assumed not to run it; PCM does not remind the user." });
  if (notes.has("file-not-reprocessed")) reasons.push({ rule: "R39", article: "Q163488", message: "Pre-SP2 PCM re-reads the .INS only when it changes, so a later Offer or Mandatory After is not acted on until PCM restarts." });
  if (notes.has("canceled")) reasons.push({ article: "Q188042", message: "The job was canceled: its instruction left the .INS before the client ran it." });
  if (notes.has("expired")) {
    const isExpiredAtStart = record.expireAt !== null && record.expireAt <= sim.fromMs;
    reasons.push({ ...(isExpiredAtStart ? { rule: "R35" } : {}), article: "Q188042", message: "The job expired before the client ran it; PCM wrote a .sni to have it removed." });
  }
  if (notes.has("blocked-by-hung-command")) reasons.push({ article: "Q214448", message: "An earlier command never ended, and PCM launches nothing else while it runs." });
  if (reasons.length === 0) {
    if (record.mandatoryAt !== null && record.mandatoryAt > sim.toMs) {
      reasons.push({ article: "Q126644", message: `Mandatory After (${record.record.installByDate}) falls after the simulated window.` });
    } else if (record.offerAt > sim.toMs) {
      reasons.push({ article: "Q126644", message: `Offer After (${record.record.displayDate}) falls after the simulated window.` });
    } else reasons.push({ article: "Q123499", message: "The command did not run within the simulated window." });
  }
  return reasons;
}

export function outcomesOf(state: ClientState, events: readonly SimulationEvent[]): { requests: RequestOutcome[]; outcome: SimulationOutcome } {
  const counts = sniCounts(events);
  const requests = [...state.requests.values()].map((request): RequestOutcome => {
    const runs = request.runAts.length > 0;
    return {
      requestId: request.requestId,
      runs,
      firstRunAt: runs ? siteClockText(request.runAts[0] as number) : null,
      runCount: request.runAts.length,
      ranBy: request.ranBy,
      sniFilesWritten: counts.get(request.requestId) ?? 0,
      reasons: runs ? [] : reasonsFor(state, request),
    };
  });
  const ran = requests.filter((request) => request.runs);
  const firstRunAt = ran.map((request) => request.firstRunAt as string).sort()[0] ?? null;
  const reasons = ran.length > 0 ? [] : requests.length === 0 ? [hasFileInWindow(state) ? NO_RECORD : NO_FILE] : uniqueReasons(requests.flatMap((request) => request.reasons));
  return { requests, outcome: { runs: ran.length > 0, firstRunAt, reasons } };
}

function uniqueReasons(reasons: readonly OutcomeReason[]): OutcomeReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    if (seen.has(reason.message)) return false;
    seen.add(reason.message);
    return true;
  });
}
