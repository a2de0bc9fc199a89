import type { Actor } from "../../access/roles";

const globalForActor = globalThis as unknown as { smsProcessActor?: Actor };

/**
 * For processes that act as one principal on the console's own machine (the CLI, the demo loader,
 * tests): every data-layer call in this process runs as `actor`. The web server never calls this;
 * its requests act as their session's user. A module of its own so that binding loads nothing else
 * (the CLI binds before it knows whether its command reads the database).
 */
export function bindProcessActor(actor: Actor | undefined): void {
  globalForActor.smsProcessActor = actor;
}

/** The actor bound to this process, if any. */
export function processActor(): Actor | undefined {
  return globalForActor.smsProcessActor;
}
