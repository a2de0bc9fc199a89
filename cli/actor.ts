import os from "node:os";

/** Who acts from the command line, for job history: the operating-system user. */
export function cliActor(): string {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // Some containers have no passwd entry for the current uid; the history still says "cli".
  }
  return `cli (${user}@${os.hostname()})`;
}
