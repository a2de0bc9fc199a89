import "server-only";
import { schedulerIntervalOf } from "../jobs/schedule";
import { currentWallClock } from "../wall-clock";
import { runSchedulerPass } from "./job-scheduler";

const globalForScheduler = globalThis as unknown as { smsSchedulerTimer?: NodeJS.Timeout };

/**
 * Starts the scheduler inside the server process, once per process. It looks for due jobs every
 * 15 s, as SMS's Scheduler activated jobs at its watchdog cycle (Q197016); SMS_SCHEDULER_INTERVAL_MS
 * changes that (the two-instance test passes every second). A pass never overlaps the previous
 * one; a failed pass (database down) is logged in one line and the next pass tries again.
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
      const pass = await runSchedulerPass(currentWallClock());
      if (pass.activated.length > 0) console.log(`scheduler: activated ${pass.activated.join(", ")}`);
    } catch (error) {
      console.error(`scheduler: pass failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
    } finally {
      isRunning = false;
    }
  };
  globalForScheduler.smsSchedulerTimer = setInterval(tick, intervalMs);
  globalForScheduler.smsSchedulerTimer.unref();
  // One line per process, so an operator (and the two-instance test) sees each instance's scheduler running.
  console.log(`scheduler: started, looking for due jobs every ${intervalMs / 1000} s`);
}
