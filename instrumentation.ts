/** Runs once when a console server starts, before it answers requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The socket's address, stamped on each request as it arrives (lib/security/socket-address.ts).
  const { stampSocketAddresses } = await import("./lib/security/socket-address");
  stampSocketAddresses();
  // The job scheduler lives inside the server process.
  if (process.env.SMS_SCHEDULER === "off") return;
  const { startJobScheduler } = await import("./lib/data/jobs/job-scheduler-timer");
  startJobScheduler();
}
