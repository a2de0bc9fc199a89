/**
 * Reading a workstation command line's text (digest §2.3): the program it launches and the kinds of
 * path it names. Pure string work, so the package form can run it on every keystroke.
 */

/** The program: the first token, or the quoted first part ("SMS Installer" on a Macintosh). */
export function programOf(commandLine: string): string {
  const text = commandLine.trim();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return end < 0 ? text.slice(1) : text.slice(1, end);
  }
  return text.split(/\s+/)[0] ?? "";
}

/** A drive letter anywhere: `Q:\App1`, `C:/x`, or a program given as `C:setup.exe` (Q160566, Q193224). */
export function hasDriveLetterPath(commandLine: string): boolean {
  return /(^|[\s"'=,;(])[A-Za-z]:[\\/]/.test(commandLine) || /^[A-Za-z]:[^\\/:]/.test(programOf(commandLine));
}

/** `\\server\share…` anywhere in the text (Q168341, Q195937). */
export function hasUncPath(commandLine: string): boolean {
  return /(^|[\s"'=,;(])\\\\[^\\\s]+\\/.test(commandLine);
}

/**
 * A program path that is not relative to the package directory: UNC, rooted (`\dir\x.exe`), or an
 * administrative share such as `Smssvr\D$\…` (Q126644, Q107244). Drive letters are R7's concern.
 */
export function hasAbsoluteProgramPath(commandLine: string): boolean {
  const program = programOf(commandLine);
  return /^[\\/]/.test(program) || /^[^\\/\s]+\\[A-Za-z]\$(\\|$)/.test(program);
}

export function isQuoted(commandLine: string): boolean {
  const text = commandLine.trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"');
}

/** The text inside the quotes, or the text itself. */
export function unquoted(commandLine: string): string {
  return isQuoted(commandLine) ? commandLine.trim().slice(1, -1) : commandLine.trim();
}

/** SMS Installer's own restart (RESTART=S), Q171070. */
export function usesInstallerRestart(commandLine: string): boolean {
  return /\bRESTART\s*=\s*S\b/i.test(commandLine);
}

/** The NTENCAP shutdown warning in seconds (`/NTz:300`), or null when the command does not set one. */
export function ntencapShutdownDelaySeconds(commandLine: string): number | null {
  if (!/\bntencap(\.exe)?\b/i.test(commandLine)) return null;
  const match = /\/NTz:(\d+)/i.exec(commandLine);
  return match ? Number(match[1]) : null;
}

/** Test runtimes the 1.2 pre-SP2 service looked for only in the logon server's \MSTEST (Q152423). */
export function namesMstestRuntime(commandLine: string): boolean {
  return /\b(mtrun|wbrun20|mstest)(\.exe)?\b|\bexecute\.exe\b/i.test(commandLine);
}

/** The programs a command line names, lower case, without directory or extension: "ntencap.exe /NTu i386\winnt32.exe /u" → ["ntencap", "winnt32", "u"]. */
function programNamesIn(commandLine: string): string[] {
  return commandLine
    .split(/[\s"]+/)
    .filter(Boolean)
    .map((token) => (token.split(/[\\/:]/).pop() ?? "").toLowerCase().replace(/\.(exe|com|bat|cmd)$/, ""));
}

/** Windows NT Setup: WINNT32 (from Windows NT) or WINNT (from MS-DOS, Windows 3.x or Windows 95), alone or under NTENCAP (Q166725). */
export function runsWindowsNtSetup(commandLine: string): boolean {
  return programNamesIn(commandLine).some((name) => name === "winnt" || name === "winnt32");
}

/** A Windows NT service pack's UPDATE.EXE run unattended (-u or /u), alone or under NTENCAP. */
export function runsNtServicePackUpdate(commandLine: string): boolean {
  const tokens = commandLine.split(/[\s"]+/).filter(Boolean);
  const at = tokens.findIndex((token) => /(^|[\\/])update(\.exe)?$/i.test(token));
  return at >= 0 && tokens.slice(at + 1).some((token) => /^[-/]u$/i.test(token));
}
