/** What GET /health answers (app/health/route.ts), as far as a page needs it. */
export interface HealthAnswer {
  status?: string;
  failedCheck?: string | null;
  checks?: Record<string, { isOk?: boolean; error?: string } | undefined>;
}

/**
 * The database's problem in the console's own words when /health names a failed check, else null:
 * what the error page shows, since Next.js hides a failed page's own message in production.
 */
export function databaseProblemOf(health: unknown): string | null {
  if (!health || typeof health !== "object") return null;
  const { failedCheck, checks } = health as HealthAnswer;
  if (typeof failedCheck !== "string" || !checks || typeof checks !== "object") return null;
  const error = Object.hasOwn(checks, failedCheck) ? checks[failedCheck]?.error : undefined;
  return typeof error === "string" && error.trim() !== "" ? error.trim() : null;
}
