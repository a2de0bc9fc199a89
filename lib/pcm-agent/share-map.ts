import path from "node:path";
import { DomainError } from "../errors";
import type { InstructionServer } from "../ins/record";

/** `\\SERVER\SHARE=/local/dir`: where a package server's share is on this machine. */
export interface ShareMapping {
  server: string;
  share: string;
  directory: string;
}

const UNC_SHARE = /^\\\\([^\\/]+)\\([^\\/]+)\\?$/;

export function parseShareMapping(text: string): ShareMapping {
  const separator = text.indexOf("=");
  const unc = separator > 0 ? text.slice(0, separator).trim() : "";
  const directory = separator > 0 ? text.slice(separator + 1).trim() : "";
  const match = UNC_SHARE.exec(unc);
  if (!match || directory === "") throw new DomainError("invalid", `--share must be \\\\SERVER\\SHARE=DIRECTORY, e.g. '\\\\CNS-SMS\\SMS_PKGD=/srv/pkgd' (got "${text.slice(0, 80)}")`);
  return { server: match[1]!.toUpperCase(), share: match[2]!.toUpperCase(), directory };
}

/**
 * The local package directory of the first server in the record that a mapping covers, as PCM tried
 * the record's servers in turn (digest §3.10). A path that would leave the mapped directory (..) is
 * not followed. Null: no server maps anywhere, and PCM could not connect (Q185347).
 */
export function localPackageDirectory(servers: readonly InstructionServer[], mappings: readonly ShareMapping[]): { directory: string; server: InstructionServer } | null {
  for (const server of servers) {
    const parts = server.path.replace(/^\\\\/, "").split("\\").filter((part) => part !== "");
    const [host, share, ...rest] = parts;
    const mapping = mappings.find((candidate) => candidate.server === host?.toUpperCase() && candidate.share === share?.toUpperCase());
    if (!mapping || rest.some((part) => part === "." || part === ".." || part.includes("/"))) continue;
    return { directory: path.join(mapping.directory, ...rest), server };
  }
  return null;
}
