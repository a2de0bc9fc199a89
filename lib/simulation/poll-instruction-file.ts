import type { ClientState, ProcessMemory } from "./client-state";
import { despoolerBoxPath, instructionFilePath } from "./logon-server-paths";
import type { PreparedRecord } from "./prepare-simulation";
import type { FilteredPackage, PollEvent } from "./simulation-result";

/** What one PCM learns from one read of its instruction file, before it decides what to run. */
export interface PollReading {
  result: PollEvent["result"];
  /** Every record in the file ("Packages before filter"). */
  records: readonly PreparedRecord[];
  /** The records left after filtering ("Packages after filter"), in file order. */
  kept: PreparedRecord[];
  filtered: FilteredPackage[];
  /** Kept although expired: SP4 runs a job it first sees after expiry (Q255284). */
  firstSeenExpired: Set<string>;
  sniRequestIds: string[];
  hasNewPackages: boolean;
  /** Something happened that the next poll will not repeat, so the next poll must be simulated too. */
  changed: boolean;
}

const FILTER_ARTICLES = { platform: "Q126644", expired: "Q188042", "not-yet-offered": "Q149683" } as const;

function emptyReading(result: PollEvent["result"], changed: boolean): PollReading {
  return { result, records: [], kept: [], filtered: [], firstSeenExpired: new Set(), sniRequestIds: [], hasNewPackages: false, changed };
}

/**
 * Reads the .INS at `ms` and filters it (digest §3.2). The filter removes records for other
 * platforms, expired records (writing their .sni, Q188042) and, from 1.2 on, records whose Offer
 * After has not come (Q149683). Service-only records stay in: Q166765's log counts one before and
 * after the filter and skips it afterwards. The KB never lists the filter's criteria: inferred.
 */
export function pollInstructionFile(state: ClientState, memory: ProcessMemory, ms: number): PollReading {
  const { sim, timeline } = state;
  const { behaviour, client } = sim;
  const records = timeline.recordsAt(ms);
  const fileKey = timeline.contentKeyAt(ms);
  if (records === null) {
    const isNew = state.announce(memory, `missing:${fileKey}`);
    if (isNew) state.emit(ms, { kind: "instruction-file-missing", process: memory.process, path: instructionFilePath(client.logonServer, client.smsId) });
    return emptyReading("file-missing", isNew);
  }
  if (behaviour.processesOnlyChangedFile && memory.lastFileKey === fileKey) {
    // Pre-SP2 PCM "goes back to sleep" until the file changes or PCM restarts (Q163488).
    for (const record of records) if (!state.requestOf(record).isExecuted) state.requestOf(record).notes.add("file-not-reprocessed");
    const isNew = state.announce(memory, `unchanged:${fileKey}`);
    if (isNew) state.emit(ms, { kind: "file-not-reprocessed", process: memory.process, article: "Q163488" });
    return emptyReading("file-unchanged", isNew);
  }
  memory.lastFileKey = fileKey;
  let changed = false;

  const presentIds = new Set(records.map((record) => record.requestId));
  for (const requestId of memory.lastPresent) {
    const request = state.requests.get(requestId);
    if (presentIds.has(requestId) || timeline.isRemovedAt(requestId, ms) || !request || request.isExecuted) continue;
    // The service only ever acts on background records; the desktop lists every record it reads.
    if (memory.process === "service" && !request.record.isServiceOnly) continue;
    // Cancel Job removes the instruction from the .INS (Q188042, Q264945).
    state.emit(ms, { kind: "canceled", process: memory.process, requestId });
    request.notes.add("canceled");
    changed = true;
  }
  memory.lastPresent = presentIds;

  const kept: PreparedRecord[] = [];
  const filtered: FilteredPackage[] = [];
  const firstSeenExpired = new Set<string>();
  const sniRequestIds: string[] = [];
  for (const record of records) {
    const request = state.requestOf(record);
    const { requestId } = record;
    const isFirstRead = !memory.everRead.has(requestId);
    memory.everRead.add(requestId);
    if (record.matchesPlatform === false) {
      filtered.push({ requestId, reason: "platform", article: FILTER_ARTICLES.platform });
      request.notes.add("filtered-platform");
      continue;
    }
    if (record.matchesPlatform === null && state.announce(memory, `platform:${requestId}`)) {
      request.notes.add("platform-unknown");
      state.emit(ms, { kind: "platform-unknown", process: memory.process, requestId, message: "No KB article documents a Windows 95 bit in the Operating System mask; the record is assumed to apply." });
    }
    if (record.expireAt !== null && ms >= record.expireAt) {
      if (behaviour.runsJobsFirstSeenExpired && isFirstRead && !request.isExecuted) {
        firstSeenExpired.add(requestId);
        kept.push(record);
        continue;
      }
      filtered.push({ requestId, reason: "expired", article: FILTER_ARTICLES.expired });
      request.notes.add("expired");
      if (noteExpiry(state, memory, record, ms)) changed = true;
      if (behaviour.writesSniAtEveryPoll || state.announce(memory, `sni:${requestId}`)) sniRequestIds.push(requestId);
      continue;
    }
    if (behaviour.filtersUnofferedPackages && ms < record.offerAt) {
      filtered.push({ requestId, reason: "not-yet-offered", article: FILTER_ARTICLES["not-yet-offered"] });
      continue;
    }
    kept.push(record);
  }

  const filterKey = filtered.map((entry) => `${entry.requestId}:${entry.reason}`).join(",");
  if (filterKey !== memory.lastFilterKey) {
    if (filtered.length > 0) state.emit(ms, { kind: "packages-filtered", process: memory.process, before: records.length, after: kept.length, filtered });
    memory.lastFilterKey = filterKey;
    changed = true;
  }
  let hasNewPackages = false;
  for (const record of kept) {
    if (memory.seen.has(record.requestId)) continue;
    memory.seen.add(record.requestId);
    hasNewPackages = true;
  }
  return { result: "read", records, kept, filtered, firstSeenExpired, sniRequestIds, hasNewPackages, changed: changed || hasNewPackages };
}

/** The first time this PCM sees the job expired: its .sni, and when the despooler will have removed the record. */
function noteExpiry(state: ClientState, memory: ProcessMemory, record: PreparedRecord, ms: number): boolean {
  if (!state.announce(memory, `expired:${record.requestId}`)) return false;
  const { sim } = state;
  state.emit(ms, { kind: "expired", process: memory.process, requestId: record.requestId, sniPath: despoolerBoxPath(sim.client.logonServer), article: "Q188042" });
  const request = state.requestOf(record);
  if (sim.statusProcessingMs !== null && request.expiryProcessedAt === null) {
    request.expiryProcessedAt = ms + sim.statusProcessingMs;
    state.timeline.scheduleRemoval(record.requestId, request.expiryProcessedAt);
    state.emit(request.expiryProcessedAt, { kind: "expiry-processed", requestId: record.requestId });
  }
  return true;
}
