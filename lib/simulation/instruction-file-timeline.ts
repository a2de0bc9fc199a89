import type { PreparedRecord, PreparedVersion } from "./prepare-simulation";

/**
 * The client's .INS on its logon server over time: the versions the console sends (new jobs,
 * cancels), less the records the despooler removes once it has processed this client's .sni
 * (Q169491: DOMAIN_COMMISSAR_WIREMOVE after a run; Q188042: after an expired job). A removal is
 * for this client only and lasts to the window's end, even when a later version still lists the job.
 */
export class InstructionFileTimeline {
  private readonly removals = new Map<string, number>();

  constructor(private readonly versions: readonly PreparedVersion[]) {}

  private versionIndexAt(ms: number): number {
    let index = -1;
    for (let position = 0; position < this.versions.length; position += 1) {
      if ((this.versions[position] as PreparedVersion).fromMs <= ms) index = position;
      else break;
    }
    return index;
  }

  isRemovedAt(requestId: string, ms: number): boolean {
    const removal = this.removals.get(requestId);
    return removal !== undefined && removal <= ms;
  }

  /** The records in the file at `ms`, in file order; null when the logon server holds no file for the client. */
  recordsAt(ms: number): readonly PreparedRecord[] | null {
    const version = this.versions[this.versionIndexAt(ms)];
    if (!version || version.records === null) return null;
    if (this.removals.size === 0) return version.records;
    return version.records.filter((record) => !this.isRemovedAt(record.requestId, ms));
  }

  /** Changes whenever the file's content does: what pre-SP2 PCM compares between polls (Q163488). */
  contentKeyAt(ms: number): string {
    let removed = 0;
    for (const removal of this.removals.values()) if (removal <= ms) removed += 1;
    return `${this.versionIndexAt(ms)}/${removed}`;
  }

  scheduleRemoval(requestId: string, ms: number): void {
    const current = this.removals.get(requestId);
    if (current === undefined || ms < current) this.removals.set(requestId, ms);
  }

  /** The next moment after `ms` at which the file changes; Infinity when it never does. */
  nextChangeAfter(ms: number): number {
    let next = Infinity;
    for (const version of this.versions) {
      if (version.fromMs > ms) {
        next = version.fromMs;
        break;
      }
    }
    for (const removal of this.removals.values()) if (removal > ms && removal < next) next = removal;
    return next;
  }
}
