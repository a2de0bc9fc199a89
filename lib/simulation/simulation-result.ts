/**
 * What the client simulator returns. Events are in time order; `at` is the site server's wall
 * clock (the client's own clock is `at` plus its offset, which is what its logs print).
 */
export type PcmProcess = "desktop" | "service";

export type FilterReason = "platform" | "expired" | "not-yet-offered";

export interface FilteredPackage {
  requestId: string;
  reason: FilterReason;
  article: string;
}

/** One poll, and the identical polls after it: `count` polls, `everyMinutes` apart, each printing the same lines. */
export interface PollEvent {
  kind: "poll";
  at: string;
  process: PcmProcess;
  count: number;
  everyMinutes: number;
  /** semaphore-busy: Pcmwin32 could not get the service's semaphore (Q173073); file-unchanged: pre-SP2 PCM went back to sleep (Q163488). */
  result: "read" | "file-missing" | "file-unchanged" | "semaphore-busy";
  packagesBefore: number;
  packagesAfter: number;
  hasNewPackages: boolean;
  /** Request IDs the desktop PCM logs as "marked for service-only execution, skipping it" (Q166765). */
  serviceOnlySkipped: string[];
  /** Request IDs an expired job's .sni is written for at each of these polls (Q188042). */
  sniRequestIds: string[];
}

export type RunTrigger = "mandatory" | "user" | "offer" | "first-seen-after-expiry";

export type SimulationEvent =
  | PollEvent
  | { kind: "pcm-started"; at: string; process: PcmProcess }
  | { kind: "pcm-not-started"; at: string; process: PcmProcess; message: string; article: string }
  | { kind: "no-logon-server"; at: string; process: "desktop"; exits: boolean; article: "Q188578" }
  | { kind: "semaphore-timeout"; at: string; process: "desktop"; exits: boolean; article: "Q231378" }
  | { kind: "semaphore-busy"; at: string; process: "desktop"; message: string; article: "Q173073" }
  | { kind: "instruction-file-missing"; at: string; process: PcmProcess; path: string }
  | { kind: "file-not-reprocessed"; at: string; process: PcmProcess; article: "Q163488" }
  | { kind: "packages-filtered"; at: string; process: PcmProcess; before: number; after: number; filtered: FilteredPackage[] }
  | { kind: "platform-unknown"; at: string; process: PcmProcess; requestId: string; message: string }
  | { kind: "blank-window"; at: string; requestIds: string[]; article: "Q149683" }
  | { kind: "offered"; at: string; requestId: string }
  | { kind: "already-executed"; at: string; process: PcmProcess; requestId: string }
  | { kind: "skipped-service-only"; at: string; requestId: string; article: "Q166765" }
  | { kind: "not-run-by-service"; at: string; requestId: string; rule: "R4" | "R5"; article: "Q174933"; message: string }
  | { kind: "service-blocked"; at: string; requestIds: string[]; article: "Q164657" }
  | { kind: "countdown-started"; at: string; requestIds: string[]; minutes: number; runsAt: string; article: "Q185805" }
  | { kind: "ran"; at: string; process: PcmProcess; requestId: string; trigger: RunTrigger; endsAt: string | null }
  | { kind: "completed"; at: string; process: PcmProcess; requestId: string; reportedStatus: "success" | "failure"; statusMif: string | null }
  | { kind: "status-processed"; at: string; requestId: string; workstationStatus: "Complete" | "Retrying"; isRecordRemoved: boolean }
  | { kind: "rerun-risk"; at: string; requestId: string; article: "Q166765"; message: string }
  | { kind: "expired"; at: string; process: PcmProcess; requestId: string; sniPath: string; article: "Q188042" }
  | { kind: "expiry-processed"; at: string; requestId: string }
  | { kind: "canceled"; at: string; process: PcmProcess; requestId: string };

export type SimulationEventKind = SimulationEvent["kind"];

export interface OutcomeReason {
  /** The requirement rule that predicts this, when one does (docs/rules.md). */
  rule?: string;
  article: string;
  message: string;
}

export interface RequestOutcome {
  requestId: string;
  runs: boolean;
  firstRunAt: string | null;
  runCount: number;
  ranBy: PcmProcess | null;
  /** .sni files PCM wrote for this job once it expired (one per poll before SP4, Q188042). */
  sniFilesWritten: number;
  /** Why the command did not run in the window; empty when it ran. */
  reasons: OutcomeReason[];
}

export interface SimulationOutcome {
  /** Some command ran on the client within the window. */
  runs: boolean;
  firstRunAt: string | null;
  reasons: OutcomeReason[];
}

export interface ClientSimulation {
  smsId: string;
  events: SimulationEvent[];
  /** One entry per request ID that appeared in the instruction file, in order of first appearance. */
  requests: RequestOutcome[];
  outcome: SimulationOutcome;
}
