import { asDomainError, HTTP_STATUS_OF } from "./errors";

/**
 * A route handler whose database faults (disk full, lock held, unreachable) answer 503 with the
 * fault's one clear message instead of a bare 500; refusals keep their status. Bugs still throw.
 */
export function withDatabaseFaults<Arguments extends unknown[]>(handler: (...args: Arguments) => Promise<Response>) {
  return async (...args: Arguments): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const domainError = asDomainError(error);
      if (!domainError) throw error;
      return Response.json(
        { error: domainError.message },
        { status: HTTP_STATUS_OF[domainError.code], headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...(domainError.code === "unavailable" ? { "Retry-After": "5" } : {}) } },
      );
    }
  };
}
