import { readdirSync, readFileSync } from "node:fs";

/** Every process under the PID, read from /proc (Linux). */
export function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces; the parent PID is the 2nd field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length) {
    const parent = pending.pop()!;
    for (const [child, itsParent] of parentOf) {
      if (itsParent !== parent) continue;
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

/** Whether the process exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
