import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";

/** R60 (Q126644, Q107244): a client sees a package only if its platform is in the command line's Supported Platforms. */
export const unsupportedPlatform: TargetRule = {
  kind: "target",
  code: "R60",
  title: "Target platform in Supported Platforms",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q126644", "Q107244"],
  why:
    "The instruction record carries the command line's Supported Platforms as an operating-system bit mask, and PCM filters out records whose mask does not include its own platform. " +
    "Such a client never shows or runs the package, and its workstation status stays None.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget: (computer, { supportedPlatforms }) => !supportedPlatforms.has(computer.platform),
  blocksRun: { because: "its platform is not in the command line's Supported Platforms, so PCM filters the package out" },
  message: (count, total) => `${ofTargets(count, total)} will never see the package: their platform is not in Supported Platforms`,
  fix: ({ commandLine }) => ({
    form: "job",
    field: "target.platforms",
    value: [...(commandLine?.supportedPlatforms ?? [])],
    text: "Limit the target to the command line's Supported Platforms (or, if the command really runs there, add their platforms to Supported Platforms).",
  }),
};
