import "server-only";
import { currentWallClock } from "../wall-clock";
import { runSchedulerPass } from "./job-scheduler";
import { statusReportPass } from "./status-reports";

/** How often the scheduler looks for due jobs: SMS's Scheduler activated jobs at its watchdog cycle (Q197016). */
export const SCHEDULER_INTERVAL_MS = 15_000;

const globalForScheduler = globalThis as unknown as { smsSchedulerTimer?: NodeJS.Timeout };

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

/**
 * Starts the scheduler inside the server process, once per process. A pass never overlaps the
 * previous one; a failed pass (database down) is logged in one line and the next pass tries again.
 */
export function startJobScheduler(): void {
  if (globalForScheduler.smsSchedulerTimer) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const pass = await runSchedulerPass(currentWallClock());
      if (pass.activated.length > 0) console.log(`scheduler: activated ${pass.activated.join(", ")}`);
    } catch (error) {
      console.error(`scheduler: pass failed: ${firstLine(error)}`);
    }
    // Held status reports whose time has come, and reports a stopped server kept but never read.
    try {
      const pass = await statusReportPass({ now: currentWallClock() });
      if (pass.released + pass.read > 0) console.log(`scheduler: status reports: ${pass.released} held released, ${pass.read} unread read`);
    } catch (error) {
      console.error(`scheduler: status report pass failed: ${firstLine(error)}`);
    } finally {
      isRunning = false;
    }
  };
  globalForScheduler.smsSchedulerTimer = setInterval(tick, SCHEDULER_INTERVAL_MS);
  globalForScheduler.smsSchedulerTimer.unref();
}
