import { describe, expect, it } from "vitest";
import { hasAbsoluteProgramPath, hasDriveLetterPath, hasUncPath, ntencapShutdownDelaySeconds, programOf, runsNtServicePackUpdate, runsWindowsNtSetup, unquoted } from "./command-line-text";

describe("reading command lines", () => {
  it.each([
    ["setup\\setup.exe /q", "setup\\setup.exe"],
    ['"SMS Installer" extra', "SMS Installer"],
    ["  mtrun.exe  install.pc6", "mtrun.exe"],
  ])("the program of %s is %s", (line, program) => expect(programOf(line)).toBe(program));

  it.each([
    ["Q:\\App1\\setup.exe", true, false, false],
    ["setup.exe /log=C:\\temp\\setup.log", true, false, false],
    ["C:setup.exe", true, false, false],
    ["\\\\SERVER\\SHARE\\setup.exe", false, true, true],
    ["setup.exe /src=\\\\SERVER\\SHARE", false, true, false],
    ["\\apps\\setup.exe", false, false, true],
    ["SMSSVR\\D$\\apps\\setup.exe", false, false, true],
    ['":Master Set 1:Installer"', false, false, false],
    ["install\\setup.exe /s", false, false, false],
  ])("%s: drive letter %s, UNC %s, absolute program %s", (line, drive, unc, absolute) => {
    expect([hasDriveLetterPath(line), hasUncPath(line), hasAbsoluteProgramPath(line)]).toEqual([drive, unc, absolute]);
  });

  it("reads the NTENCAP shutdown warning only from an NTENCAP command", () => {
    expect(ntencapShutdownDelaySeconds("NTENCAP.EXE /NTz:300 myprog.exe /s")).toBe(300);
    expect(ntencapShutdownDelaySeconds("ntencap /NTu %PCMUNC%app.exe")).toBeNull();
    expect(ntencapShutdownDelaySeconds("setup.exe /NTz:10")).toBeNull();
  });

  it("strips surrounding quotes only", () => expect([unquoted('"a b"'), unquoted('"a b')]).toEqual(["a b", '"a b']));

  it.each<[string, boolean, boolean]>([
    ["update.exe -u -z", false, true],
    ["UPDATE /U", false, true],
    ["i386\\update.exe -u", false, true],
    ["update.exe", false, false],
    ["updater.exe -u", false, false],
    ["winnt32.exe /u:unattend.txt /s:i386", true, false],
    ["ntencap.exe /NTu i386\\WINNT32.EXE /u:unattend.txt", true, false],
    ['"i386\\winnt.exe" /b', true, false],
    ["ntencap.exe /NTu %PCMUNC%MyApp.exe", false, false],
    ["setup.exe /s winntfix.dll", false, false],
  ])("%s: NT Setup %s, NT service pack %s", (line, isSetup, isUpdate) => {
    expect(runsWindowsNtSetup(line)).toBe(isSetup);
    expect(runsNtServicePackUpdate(line)).toBe(isUpdate);
  });
});
