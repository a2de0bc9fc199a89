import os from "node:os";
import type { Actor } from "@/lib/access/roles";

/**
 * The CLI runs on the console's own machine with the database file or URL in hand, so it acts as an
 * administrator, as the operating-system user who ran it; that user's name goes into job history
 * and the audit trail.
 */
export function cliActor(): Actor {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // Some containers have no passwd entry for the current uid; the history still says "cli".
  }
  return { userId: null, name: `cli (${user}@${os.hostname()})`, role: "administrator", address: null, sessionId: null };
}
