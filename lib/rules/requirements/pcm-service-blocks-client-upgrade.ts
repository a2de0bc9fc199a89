import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const INSTALL_NOT_RECORDED = unknownFact("PCM service install directory or start type not recorded");

/** R68 (Q168463, fixed SP3): Pcmsvc32 in Ms\Sms\Bin, started automatically, blocks client upgrades. */
export const pcmServiceBlocksClientUpgrade: TargetRule = {
  kind: "target",
  code: "R68",
  title: "PCM service in Ms\\Sms\\Bin set to start automatically (before SP3)",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 3 },
  sources: ["Q168463"],
  why:
    "Smsrun32 postpones client component downloads while any program in Ms\\Sms\\Bin runs ('Client executable active: pcmsvc32.exe'). " +
    "A PCM service installed there and started automatically keeps the client from upgrading, until SMS 1.2 SP3.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer) {
    if (!computer.isPcmServiceInstalled) return false;
    const directory = computer.pcmServiceInstallDirectory;
    if (directory === null || computer.pcmServiceStartType === null) return INSTALL_NOT_RECORDED;
    return /(^|\\)MS\\SMS\\BIN\\?$/i.test(directory.trim()) && computer.pcmServiceStartType === "AUTOMATIC";
  },
  message: (count, total) =>
    `${ofTargets(count, total)} run Pcmsvc32 from Ms\\Sms\\Bin with automatic start: client components will not be upgraded while Pcmsvc32 runs from Ms\\Sms\\Bin; set it to manual or install it elsewhere.`,
  fix: () => ({ form: "computer", field: "pcmServiceStartType", text: "Set the PCM service to Manual and restart the computer, or reinstall it outside Ms\\Sms\\Bin; then record it." }),
};
