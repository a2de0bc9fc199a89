/** Runs once when a console server starts: the job scheduler lives inside the server process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SMS_SCHEDULER === "off") return;
  const { startJobScheduler } = await import("./lib/data/job-scheduler-timer");
  startJobScheduler();
}
