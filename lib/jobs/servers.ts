import type { InstructionServer } from "../ins/record";

export interface DistributionServerFacts {
  name: string;
  packageShare: string;
  serverType: number;
  hasServicesForMacintosh: boolean;
}

/** \\SERVER\SMS_PKGD\BPC0000A\ : the package ID is the directory name under the share (Q123499). */
export function packageDirectoryOf(server: Pick<DistributionServerFacts, "packageShare">, packageId: string): string {
  return `${server.packageShare.replace(/\\+$/, "")}\\${packageId}\\`;
}

/**
 * A server as the instruction record lists it. Servers with Services for Macintosh carry a Zone
 * line naming the same package directory, as the Q123499 dump shows for \\CNS-SMS.
 */
export function instructionServerOf(server: DistributionServerFacts, packageId: string): InstructionServer {
  const path = packageDirectoryOf(server, packageId);
  return { path, type: server.serverType, zone: server.hasServicesForMacintosh ? path : "" };
}
