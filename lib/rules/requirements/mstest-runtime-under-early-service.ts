import { namesMstestRuntime } from "../command-line-text";
import type { TargetRule } from "../rule";
import { commandLineField, ofTargets } from "../subjects";
import { isPcmServicePlatform } from "../target-helpers";

/** R15 (Q152423): before SP2 the PCM service does not search the logon server's \MSTEST directory. */
export const mstestRuntimeUnderEarlyService: TargetRule = {
  kind: "target",
  code: "R15",
  title: "PCM service does not search \\MSTEST (before SP2)",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], beforeServicePack: 2 },
  sources: ["Q152423"],
  why:
    "Desktop PCM finds test runtimes such as Mtrun.exe in the logon server's MSTEST directory; the PCM service before SMS 1.2 SP2 does not look there. " +
    "The console cannot see whether the package carries the runtime itself, so it warns whenever the command names one.",
  appliesTo: ({ hasRunPhase, isServiceJob, commandLine }) => hasRunPhase && isServiceJob && commandLine !== null && namesMstestRuntime(commandLine.commandLine),
  checkTarget: (computer) => isPcmServicePlatform(computer.platform),
  message: (count, total) => `${ofTargets(count, total)} run the PCM service before SP2: the PCM service does not search \\MSTEST; include the runtime in the package.`,
  fix: ({ commandLineIndex }) => ({ form: "package", field: commandLineField(commandLineIndex, "commandLine"), text: "Copy the test runtime (Mtrun.exe, Execute.exe …) into the package source and call it from there." }),
};
