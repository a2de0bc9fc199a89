import { describe, expect, it } from "vitest";
import { formatPlatformList, operatingSystemMask, operatingSystemMaskNote, parsePlatformList, platformsOfMask, type Platform } from "./platforms";

describe("the .INS Operating System mask (Q123499)", () => {
  it.each<[Platform[], number]>([
    [["WIN16", "WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"], 15],
    [["WIN16", "WIN32_X86", "DOS5", "DOS6"], 51],
    [["MACINTOSH"], 64],
    [["WIN16"], 1],
    [[], 0],
  ])("%j is %i, as the KB dump prints it", (platforms, mask) => {
    expect(operatingSystemMask(platforms)).toBe(mask);
    expect(platformsOfMask(mask)).toEqual(platforms);
  });

  it("gives Windows 95 no bit: the KB documents none", () => {
    expect(operatingSystemMask(["WINDOWS95"])).toBe(0);
    expect(operatingSystemMask(["WINDOWS95", "WIN32_X86"])).toBe(2);
  });

  it("ignores bits no platform owns", () => expect(platformsOfMask(0x80 | 0x02)).toEqual(["WIN32_X86"]));
});

describe("stored platform lists", () => {
  it("round-trips in a fixed order whatever order they were chosen in", () => {
    const stored = formatPlatformList(["MACINTOSH", "WIN16", "WINDOWS95"]);
    expect(stored).toBe("WIN16,MACINTOSH,WINDOWS95");
    expect(parsePlatformList(stored)).toEqual(["WIN16", "MACINTOSH", "WINDOWS95"]);
  });
  it("drops unknown names and blanks", () => expect(parsePlatformList("WIN16, OS2,,DOS6")).toEqual(["WIN16", "DOS6"]));
});

describe("the OS mask's note", () => {
  it("explains a Windows 95 mask of 0", () => {
    expect(operatingSystemMask(["WINDOWS95"])).toBe(0);
    expect(operatingSystemMaskNote(["WINDOWS95"])).toBe("Windows 95 adds no bit: no KB article documents one (Q123499's table predates it), so the instruction file's OS mask leaves it out; a mask of 0 names no documented platform.");
  });
  it("says nothing when every platform has its bit", () => expect(operatingSystemMaskNote(["WIN16", "WIN32_X86"])).toBeNull());
  it("explains Windows 95 beside documented platforms without the mask-of-0 part", () => expect(operatingSystemMaskNote(["WIN16", "WINDOWS95"])).toMatch(/leaves it out\.$/));
});
