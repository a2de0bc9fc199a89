import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { lacksHotfix } from "../target-helpers";

/** R37 (Q255284, Q225056): SP4 PCM may run a job it first sees after its expiry. */
export const sp4RunsAfterExpiry: TargetRule = {
  kind: "target",
  code: "R37",
  title: "SP4 PCM runs jobs first seen after expiry",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], fromServicePack: 4 },
  versionNote: "clients: SMS 1.2 SP4 without Q255284",
  sources: ["Q255284", "Q225056"],
  why:
    "An SMS 1.2 SP4 client that is off for the whole offer window and first learns of a job after its expiry still runs it in its first evaluation cycle, until the Q255284 fix. " +
    "Pcmsvc32 may also run a job after its expiry date (Q225056). Any client can be switched off, so every unfixed SP4 client is counted.",
  appliesTo: ({ hasRunPhase, expireAfter }) => hasRunPhase && expireAfter !== null,
  checkTarget: (computer) => lacksHotfix(computer, "Q255284"),
  message: (count, total) => `${ofTargets(count, total)} run SP4 PCM without the fix: SP4 PCM may still run a job that it first sees after expiry.`,
  fix: () => ({ form: "computer", field: "installedPcmHotfixes", text: "Install the Q255284 PCM fix on these clients, or cancel the job instead of relying on expiry." }),
};
