import "server-only";
import { schedulerIntervalOf } from "../../jobs/schedule";
import { currentWallClock } from "../../wall-clock";
import { runSchedulerPass } from "./job-scheduler";
import { statusReportPass } from "../job-status/status-reports/passes";

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

/**
 * Starts the scheduler inside the server process, once per process. It ticks every 15 s, as SMS's
 * Scheduler activated jobs at its watchdog cycle (Q197016); SMS_SCHEDULER_INTERVAL_MS changes that
 * (the two-instance test ticks every second). A tick never overlaps the previous one.
 */
export function startJobScheduler(): void {
  if (globalForScheduler.smsSchedulerTimer) return;
  const { intervalMs, problem } = schedulerIntervalOf(process.env.SMS_SCHEDULER_INTERVAL_MS);
  if (problem) console.error(`scheduler: ${problem}`);
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
  globalForScheduler.smsSchedulerTimer = setInterval(tick, intervalMs);
  globalForScheduler.smsSchedulerTimer.unref();
  // One line per process, so an operator (and the two-instance test) sees each instance's scheduler running.
  console.log(`scheduler: started, looking for due jobs every ${intervalMs / 1000} s`);
}
