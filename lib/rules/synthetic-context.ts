import { PCM_VARIANT_OF_PLATFORM, type Platform } from "../platforms";
import { toBase36 } from "../sms-id";
import type { ReviewComputer, ReviewContext } from "./context";
import { computerFixture, reviewContext, serverFixture, siteFixture } from "./test-context";

/** A spread of client platforms, mostly Windows NT x86 as a 1998 site would have. */
const PLATFORM_MIX: readonly Platform[] = ["WIN32_X86", "WIN32_X86", "WIN32_X86", "WIN32_X86", "WIN32_ALPHA", "WIN32_MIPS", "WIN16", "WINDOWS95", "DOS6", "MACINTOSH"];
const CHILD_SITES = ["CH1", "CH2"];

/**
 * A service job to `targetCount` varied clients over three sites, for timing `reviewJob` (the brief:
 * well under 200 ms for 10,000 targets). Every tenth-ish client trips some rule, and some facts are
 * left unrecorded, so findings, subjects and not-checked tallies all get exercised.
 */
export function syntheticReviewContext(targetCount = 10_000): ReviewContext {
  const targets: ReviewComputer[] = [];
  for (let index = 0; index < targetCount; index += 1) {
    const platform = PLATFORM_MIX[index % PLATFORM_MIX.length] as Platform;
    const isNt = platform.startsWith("WIN32");
    const siteCode = index % 3 === 0 ? "BPC" : (CHILD_SITES[index % 2] as string);
    targets.push(
      computerFixture({
        smsId: siteCode + toBase36(index, 5),
        name: `WKS${toBase36(index, 5)}`,
        siteCode,
        logonServer: `${siteCode}-LOGON`,
        platform,
        ntRole: isNt ? "WORKSTATION" : null,
        ntDomain: isNt ? "CORP" : null,
        smsClientServicePack: index % 7 === 0 ? 2 : 3,
        pcmVariant: PCM_VARIANT_OF_PLATFORM[platform],
        isPcmServiceInstalled: isNt && index % 11 !== 0,
        isPcmServiceRunning: isNt && index % 11 !== 0 && index % 13 !== 0,
        lastInventoryAt: index % 17 === 0 ? "1998-01-01T10:00:00" : "1998-03-01T10:00:00",
        clockOffsetSeconds: index % 5 === 0 ? null : index % 23 === 0 ? 600 : 0,
        pcmServiceAccount: `CORP\\PCMSVC${String(index % 300).padStart(3, "0")}`,
      }),
    );
  }
  const context = reviewContext({
    targets,
    otherSites: CHILD_SITES.map((code) => siteFixture({ code, name: `Child ${code}`, parentCode: "BPC", pcmPollingIntervalMinutes: code === "CH1" ? 15 : 30 })),
    commandLine: { supportedPlatforms: ["WIN32_X86", "WIN32_ALPHA", "WIN32_MIPS"] },
    job: { target: { kind: "MACHINE_PATH", machinePath: "*|*|*" } },
  });
  const logonServers = ["BPC", ...CHILD_SITES].map((code) => serverFixture({ name: `${code}-LOGON`, siteCode: code }));
  return { ...context, servers: new Map([...context.servers, ...logonServers.map((server) => [server.name, server] as const)]) };
}
