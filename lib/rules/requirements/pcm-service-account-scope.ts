import type { JobRule, Subject } from "../rule";
import { computerSubject, ofTargets } from "../subjects";

/** Q181118 suggests one account per 10-50 machines. */
export const MAX_COMPUTERS_PER_SERVICE_ACCOUNT = 50;

/** R71 (Q181118): the PCM service account is not a Domain Admin, nor one account for every client. */
export const pcmServiceAccountScope: JobRule = {
  kind: "job",
  code: "R71",
  title: "PCM service account not a Domain Admin, not shared by all",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q181118"],
  why:
    "The service account needs local administrator rights on the client and only domain-user rights elsewhere. As a Domain Admin, or shared by every client, " +
    "one leaked password gives control of the whole domain or every client; Q181118 suggests an account per group of 10-50 machines (SP4 RSERVICE can generate them).",
  check({ context, hasRunPhase, isServiceJob }) {
    if (!hasRunPhase || !isServiceJob) return null;
    const domainAdmins: Subject[] = [];
    const computersPerAccount = new Map<string, number>();
    let unknownCount = 0;
    for (const computer of context.targets) {
      if (!computer.isPcmServiceInstalled) continue;
      if (computer.pcmServiceAccountIsDomainAdmin) domainAdmins.push(computerSubject(computer.smsId));
      const account = computer.pcmServiceAccount?.toUpperCase() ?? null;
      if (account === null) unknownCount += 1;
      else computersPerAccount.set(account, (computersPerAccount.get(account) ?? 0) + 1);
    }
    const shared = [...computersPerAccount].filter(([, count]) => count > MAX_COMPUTERS_PER_SERVICE_ACCOUNT).map(([account]) => account);
    const notChecked = unknownCount > 0 ? `PCM service account not recorded for ${unknownCount} target${unknownCount === 1 ? "" : "s"}` : undefined;
    if (domainAdmins.length === 0 && shared.length === 0) return notChecked ? { notChecked } : null;
    const sharedSet = new Set(shared);
    const sharedSubjects = context.targets
      .filter((computer) => computer.isPcmServiceInstalled && !computer.pcmServiceAccountIsDomainAdmin && sharedSet.has(computer.pcmServiceAccount?.toUpperCase() ?? ""))
      .map((computer) => computerSubject(computer.smsId));
    const problems = [
      domainAdmins.length > 0 ? `${ofTargets(domainAdmins.length, context.targets.length)} run the service as a Domain Admin` : null,
      shared.length > 0 ? `${shared.join(", ")} ${shared.length === 1 ? "is" : "are each"} shared by more than ${MAX_COMPUTERS_PER_SERVICE_ACCOUNT} targets` : null,
    ].filter(Boolean);
    return {
      notChecked,
      finding: {
        message: `Do not make the PCM service account a Domain Admin; use per-group accounts (e.g. one per 10-50 machines): ${problems.join("; ")}.`,
        subjects: [...domainAdmins, ...sharedSubjects],
        fix: { form: "computer", field: domainAdmins.length > 0 ? "pcmServiceAccountIsDomainAdmin" : "pcmServiceAccount", text: "Reinstall the service with RSERVICE using per-group accounts that are not Domain Admins, then record them." },
      },
    };
  },
};
