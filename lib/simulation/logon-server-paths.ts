/** Paths on the client's logon server as PCM's logs print them (Q237690, Q166765, Q169491). */
export function instructionBoxPath(logonServer: string): string {
  return `\\\\${logonServer}\\SMS_SHR\\pcmins.box`;
}

export function instructionFilePath(logonServer: string, smsId: string): string {
  return `${instructionBoxPath(logonServer)}\\${smsId}.INS`;
}

/** Where PCM writes .sni and status MIFs (Q169491, Q188042). */
export function despoolerBoxPath(logonServer: string): string {
  return `\\\\${logonServer}\\SMS_SHR\\despoolr.box`;
}
