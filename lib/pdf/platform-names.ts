import type { Platform } from "../platforms";

/**
 * SupportedPlatforms strings (Q150799). SMS 1.0/1.1 wrote "Windows NT 3.1 (x86|MIPS|Alpha)"; 1.2
 * added versioned and generic NT strings, all read as the generic option ("SMS does no version
 * checking"); "Windows NT 3.1 (x86)" also matches NT 4.0 clients (Q186400). Windows95 is in the
 * KB's PDFs (Q140055). The KB quotes no PDF string for Windows 3.x, MS-DOS or Macintosh: the
 * console reads and writes the platform names the Administrator UI shows (Q135129, Q122181).
 */
const NT_PROCESSORS = { x86: "WIN32_X86", mips: "WIN32_MIPS", alpha: "WIN32_ALPHA" } as const satisfies Record<string, Platform>;

const FIXED_NAMES: Record<string, Platform[]> = {
  windows95: ["WINDOWS95"],
  "windows 95": ["WINDOWS95"],
  "windows 3.1": ["WIN16"],
  "windows 3.x": ["WIN16"],
  "windows for workgroups": ["WIN16"],
  "ms-dos": ["DOS5", "DOS6"],
  "ms-dos 5": ["DOS5"],
  "ms-dos 5.0": ["DOS5"],
  "ms-dos 6": ["DOS6"],
  "ms-dos 6.0": ["DOS6"],
  "ms-dos 6.2": ["DOS6"],
  "ms-dos 6.22": ["DOS6"],
  macintosh: ["MACINTOSH"],
};

/** What Writepdf-style export writes: the 1.0/1.1 NT spelling, which every SMS version reads. */
export const PDF_PLATFORM_NAMES: Record<Platform, string> = {
  WIN16: "Windows 3.1",
  WIN32_X86: "Windows NT 3.1 (x86)",
  WIN32_MIPS: "Windows NT 3.1 (MIPS)",
  WIN32_ALPHA: "Windows NT 3.1 (Alpha)",
  DOS5: "MS-DOS 5.0",
  DOS6: "MS-DOS 6.0",
  MACINTOSH: "Macintosh",
  WINDOWS95: "Windows95",
};

export type PlatformNameReading =
  | { kind: "known"; platforms: Platform[]; spelling: "1.0/1.1" | "1.2 generic" | "1.2 versioned" | "console" }
  | { kind: "unknown" };

export function readPlatformName(name: string): PlatformNameReading {
  const normal = name.trim().replace(/\s+/g, " ").toLowerCase();
  const nt = /^windows nt(?: (3\.1|3\.5|3\.51|4\.0))? \((x86|mips|alpha)\)$/.exec(normal);
  if (nt) {
    const platform = NT_PROCESSORS[nt[2] as keyof typeof NT_PROCESSORS];
    const spelling = nt[1] === "3.1" ? "1.0/1.1" : nt[1] === undefined ? "1.2 generic" : "1.2 versioned";
    return { kind: "known", platforms: [platform], spelling };
  }
  const fixed = FIXED_NAMES[normal];
  return fixed ? { kind: "known", platforms: fixed, spelling: normal.startsWith("windows95") ? "1.0/1.1" : "console" } : { kind: "unknown" };
}
