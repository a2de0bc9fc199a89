/**
 * Log excerpts copied verbatim from the KB articles (digest §5.3-5.9, line ranges as given there),
 * with the articles' own line wrapping and indentation. `unwrapKbExcerpt` joins the wrapped lines
 * back into the one-line log entries PCM wrote, so simulated logs can be compared line for line.
 */

/** Q166765 L102-L110: Pcmwin32 skips a service-only package. */
export const Q166765_SERVICE_ONLY_SKIP = `      [04/09/97 17:11:08] Package Command Manager ==> Looking for instruction
      file: \\\\MACGREGOR\\SMS_SHR\\pcmins.box\\BP004000.INS
      [04/09/97 17:11:08] Package Command Manager => Packages before filter: 1
      [04/09/97 17:11:08] Package Command Manager ==> Packages after filter: 1
      [04/09/97 17:11:08] Package Command Manager ==> No new packages found.
      [04/09/97 17:11:08] Package Command Manager ==> The desktop version
      already has the mutex.
      [04/09/97 17:11:08] Package Command Manager ==> Package (Request ID)
      BP0000Y is marked for service-only execution, skipping it.`;

/** Q237690 L26-L31: a poll that finds new packages. */
export const Q237690_NEW_PACKAGES = `   [05/03/99 13:54:38] Package Command Manager ==> Polling .....
   [05/03/99 13:54:38] Package Command Manager ==> Attempting to refresh package collection from logon server.
   [05/03/99 13:54:39] Package Command Manager ==> Connected to logon server: \\\\S768AA0\\SMS_SHR\\pcmins.box
   [05/03/99 13:54:39] Package Command Manager ==> Looking for instruction file: \\\\S768AA0\\SMS_SHR\\pcmins.box\\76801009.INS
   [05/03/99 13:55:29] Package Command Manager ==> Packages after filter: 6
   [05/03/99 13:55:29] Package Command Manager ==> New packages found.`;

/** Q188578 L24-L29: no logon server at start-up (quoted without timestamps). */
export const Q188578_NO_LOGON_SERVER = `      Package Command Manager ==> Initializing .....
      Package Command Manager ==> PCM executed on 06/19/1998 10:39:28
      Package Command Manager ==> The PCM History file was created on
      06/11/1998 15:12:23
      Package Command Manager ==> Failed to connect to SMS Logon Server.
      Package Command Manager ==> Exiting .........`;

/** Q231378 L22-L27: Pcmwin32 times out on the PCM service semaphore (quoted without timestamps). */
export const Q231378_SEMAPHORE_TIMEOUT = `Package Command Manager ==> Initializing .....
Package Command Manager ==> PCM Service busy dialog is enabled (default).
Package Command Manager ==> Timed out waiting for the PCM service semaphore.
Package Command Manager ==> Failed to get control of the semaphore from
PCMSVC.
Package Command Manager ==> Exiting .........`;

/** Q214448 L87-L133: the PCM service runs a silent command, as SMSTRACE exports PACMAN.LOG (tab-separated, trailing tab). */
export const Q214448_SERVICE_RUN = `Executing command line: F:\\C1200008\\nothing.EXE /S\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
No execution error detected.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
The process handle is #124\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
Ending LaunchScript..................\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
Package executed.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
Monitoring the job.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:44 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:45 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:47 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:50 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:52 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:55 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:49:57 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:00 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:02 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:05 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:07 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:10 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:12 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:15 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:17 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:20 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:22 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:25 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:27 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:30 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:32 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:35 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:37 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:40 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:42 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:45 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:47 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:50 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:52 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:55 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:50:57 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:00 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:02 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:05 PM\t6E\t
Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:07 PM\t6E\t
Job completed.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:10 PM\t6E\t
No SyncSysExit in effect, report status after completion.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:10 PM\t6E\t
Reporting job status.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:10 PM\t6E\t
Beginning ReportOnProcess...........\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:10 PM\t6E\t
No error was detected while attempting to run the job.\tSMS_PACKAGE_COMMAND_MANAGER_NT\t1/12/99 4:51:10 PM\t6E\t`;

/**
 * The log entries of an excerpt: a line that does not start a new entry (`startsEntry` false once
 * trimmed) continues the previous one, joined with one space, as the article wrapped it at 78 columns.
 */
export function unwrapKbExcerpt(excerpt: string, startsEntry: (line: string) => boolean): string[] {
  const entries: string[] = [];
  for (const raw of excerpt.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (startsEntry(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += ` ${line}`;
  }
  return entries;
}

/** Pcmwin.log entries start with their timestamp, or, where an article dropped it, with the component name. */
export const startsPcmwinEntry = (line: string) => line.startsWith("[") || line.startsWith("Package Command Manager");
