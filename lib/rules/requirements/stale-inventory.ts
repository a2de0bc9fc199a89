import { normaliseWallClock, wallClockToEpochMs } from "../../wall-clock";
import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const DAY_MS = 24 * 60 * 60 * 1000;
const SITE_UNKNOWN = unknownFact("the target's site is not in the console");
// The review's time, parsed once per review rather than once per target (10,000 targets: ~half this rule's cost).
const nowMsOf = new WeakMap<object, number>();
function nowMs(context: { now: string }): number {
  let value = nowMsOf.get(context);
  if (value === undefined) nowMsOf.set(context, (value = wallClockToEpochMs(normaliseWallClock(context.now))));
  return value;
}

/** R59 (Q166765, Q176969): targets are in inventory, and their inventory is current. */
export const staleInventory: TargetRule = {
  kind: "target",
  code: "R59",
  title: "Target inventory current",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q166765", "Q176969"],
  why:
    "Targets are resolved, and platforms matched, from inventory. A computer never inventoried, or last inventoried longer ago than its site's inventory interval (7 days by default), " +
    "may have changed platform, name or site since, so the job may miss it or not suit it.",
  appliesTo: () => true,
  checkTarget(computer, { context }) {
    if (computer.lastInventoryAt === null) return true;
    const site = context.sites.get(computer.siteCode);
    if (!site) return SITE_UNKNOWN;
    const age = nowMs(context) - wallClockToEpochMs(normaliseWallClock(computer.lastInventoryAt));
    return age > site.inventoryIntervalDays * DAY_MS;
  },
  message: (count, total) => `${ofTargets(count, total)} are not inventoried or their inventory is older than the site's inventory interval: make sure the target is in SMS inventory and that the inventory is current.`,
  fix: () => ({ form: "computer", field: "lastInventoryAt", text: "Run inventory on these computers (and check their SMS client) before sending the job." }),
};
