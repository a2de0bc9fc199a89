/**
 * Client platforms and the .INS "Operating System" bit mask (Q123499, digest §2.4).
 * Windows 95 clients exist (Pcmwin16 runs there) but no KB article documents their bit,
 * so the console stores the platform and never invents a bit for it.
 */
export const PLATFORMS = [
  "WIN16",
  "WIN32_X86",
  "WIN32_MIPS",
  "WIN32_ALPHA",
  "DOS5",
  "DOS6",
  "MACINTOSH",
  "WINDOWS95",
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  WIN16: "Windows 3.x / WfW (WIN16)",
  WIN32_X86: "Windows NT (x86)",
  WIN32_MIPS: "Windows NT (MIPS)",
  WIN32_ALPHA: "Windows NT (Alpha)",
  DOS5: "MS-DOS 5",
  DOS6: "MS-DOS 6",
  MACINTOSH: "Macintosh",
  WINDOWS95: "Windows 95",
};

/** The documented bits; Windows 95 has none. */
export const OPERATING_SYSTEM_BITS: Partial<Record<Platform, number>> = {
  WIN16: 0x01,
  WIN32_X86: 0x02,
  WIN32_MIPS: 0x04,
  WIN32_ALPHA: 0x08,
  DOS5: 0x10,
  DOS6: 0x20,
  MACINTOSH: 0x40,
};

export const WINDOWS_NT_PLATFORMS: readonly Platform[] = ["WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"];

/**
 * Where the PCM service (Pcmsvc32) can run: Windows NT Workstation or Server "(Intel or Alpha)" (Q167114).
 * No MIPS build or hotfix exists (Q180151, Q195944, LISTNT's /X86 and /ALPHA filters in Q174939).
 */
export const PCM_SERVICE_PLATFORMS: readonly Platform[] = ["WIN32_X86", "WIN32_ALPHA"];

/** The .INS Operating System mask for a set of supported platforms (Windows 95 contributes nothing). */
export function operatingSystemMask(platforms: readonly Platform[]): number {
  return platforms.reduce((mask, platform) => mask | (OPERATING_SYSTEM_BITS[platform] ?? 0), 0);
}

/** The documented platforms a mask names, in bit order. */
export function platformsOfMask(mask: number): Platform[] {
  return PLATFORMS.filter((platform) => {
    const bit = OPERATING_SYSTEM_BITS[platform];
    return bit !== undefined && (mask & bit) !== 0;
  });
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** Supported platforms are stored as a comma list in keeping with the PDF's SupportedPlatforms key. */
export function parsePlatformList(stored: string): Platform[] {
  const names = stored.split(",").map((name) => name.trim()).filter(Boolean);
  return PLATFORMS.filter((platform) => names.includes(platform));
}

export function formatPlatformList(platforms: readonly Platform[]): string {
  return PLATFORMS.filter((platform) => platforms.includes(platform)).join(",");
}

/** Package Command Manager variants per client OS (digest §2.4). */
export const PCM_VARIANTS = ["PCMWIN16", "PCMWIN32", "PCMDOS", "PCMMAC"] as const;
export type PcmVariant = (typeof PCM_VARIANTS)[number];

export const PCM_VARIANT_LABELS: Record<PcmVariant, string> = {
  PCMWIN16: "Pcmwin16",
  PCMWIN32: "Pcmwin32",
  PCMDOS: "PCMDOS",
  PCMMAC: "PCMMAC",
};

/** Windows 95 runs the 16-bit Pcmwin16 (Q151735, Q167759). */
export const PCM_VARIANT_OF_PLATFORM: Record<Platform, PcmVariant> = {
  WIN16: "PCMWIN16",
  WIN32_X86: "PCMWIN32",
  WIN32_MIPS: "PCMWIN32",
  WIN32_ALPHA: "PCMWIN32",
  DOS5: "PCMDOS",
  DOS6: "PCMDOS",
  MACINTOSH: "PCMMAC",
  WINDOWS95: "PCMWIN16",
};

/**
 * Why a mask is what it is, when a ticked platform adds no bit: no KB article documents a bit for
 * Windows 95 (Q123499's table predates it), so the console writes none rather than invent one.
 */
export function operatingSystemMaskNote(platforms: readonly Platform[]): string | null {
  const unbitted = platforms.filter((platform) => OPERATING_SYSTEM_BITS[platform] === undefined);
  if (unbitted.length === 0) return null;
  const names = unbitted.map((platform) => PLATFORM_LABELS[platform]).join(", ");
  return `${names} add${unbitted.length === 1 ? "s" : ""} no bit: no KB article documents one (Q123499's table predates ${unbitted.length === 1 ? "it" : "them"}), so the instruction file's OS mask leaves ${unbitted.length === 1 ? "it" : "them"} out${operatingSystemMask(platforms) === 0 ? "; a mask of 0 names no documented platform" : ""}.`;
}
