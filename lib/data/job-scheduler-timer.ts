import "server-only";
import { currentWallClock } from "../wall-clock";
import { runSchedulerPass } from "./job-scheduler";
import { statusReportPass } from "./status-reports";

/** How often the scheduler looks for due jobs: SMS's Scheduler activated jobs at its watchdog cycle (Q197016). */
export const SCHEDULER_INTERVAL_MS = 15_000;

const globalForScheduler = globalThis as unknown as { smsSchedulerTimer?: NodeJS.Timeout };

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n").find((line) => line.trim() !== "") ?? "";

/**
 * One tick of the server's scheduler: due jobs are sent, then held status reports whose time has
 * come are applied and reports a stopped server kept but never read are read. Each part is safe on
 * several instances at once; a failed part (database down) is logged in one line, the next tick tries again.
 */
export async function schedulerTick(now: string = currentWallClock()): Promise<void> {
  try {
    const pass = await runSchedulerPass(now);
    if (pass.activated.length > 0) console.log(`scheduler: activated ${pass.activated.join(", ")}`);
  } catch (error) {
    console.error(`scheduler: pass failed: ${firstLine(error)}`);
  }
  try {
    const pass = await statusReportPass({ now });
    if (pass.released + pass.read > 0) console.log(`scheduler: status reports: ${pass.released} held released, ${pass.read} left unread now read`);
  } catch (error) {
    console.error(`scheduler: status report pass failed: ${firstLine(error)}`);
  }
}

/** Starts the scheduler inside the server process, once per process. A tick never overlaps the previous one. */
export function startJobScheduler(): void {
  if (globalForScheduler.smsSchedulerTimer) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await schedulerTick();
    } finally {
      isRunning = false;
    }
  };
  globalForScheduler.smsSchedulerTimer = setInterval(tick, SCHEDULER_INTERVAL_MS);
  globalForScheduler.smsSchedulerTimer.unref();
}
