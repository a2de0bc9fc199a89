import "server-only";
import { can } from "../../access/roles";
import { db } from "../../db";
import { databaseFaultOf } from "../../database-faults";
import { DomainError } from "../../errors";
import {
  ACCESS_TOKEN_HEADER,
  generateAccessToken,
  hashAccessToken,
  isAccessTokenValid,
  isInstructionBoxAccessMode,
  type InstructionBoxAccessInput,
  type InstructionBoxAccessMode,
} from "../../instruction-box/access-token";
import { creatingSiteOf } from "../../sms-id";
import { recordAudit, recordRepeatedAuditEvent } from "../audit/audit";
import { instructionFileFromStamps, instructionFileName, readClientStamps, type InstructionFile } from "./instruction-box";
import { pageWindow, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";

/** A site's PCMINS.BOX access as pages show it: never the token or its hash. */
export interface InstructionBoxAccess {
  siteCode: string;
  siteName: string;
  mode: InstructionBoxAccessMode;
  hasToken: boolean;
}

/** The setting as the access page shows it, and whether the reader may change it. */
export interface InstructionBoxAccessSettings extends InstructionBoxAccess {
  canChange: boolean;
}

/** The result of a change: the new token only right after it was generated, to be shown once. */
export interface InstructionBoxAccessChange {
  siteCode: string;
  mode: InstructionBoxAccessMode;
  hasToken: boolean;
  generatedToken: string | null;
}

const accessSelect = { code: true, name: true, instructionBoxAccess: true, instructionBoxTokenHash: true } as const;

/** A stored mode the console does not know is read as "token": refuse rather than open the box. */
export const modeOf = (stored: string): InstructionBoxAccessMode => (isInstructionBoxAccessMode(stored) ? stored : "token");

function toAccess(site: { code: string; name: string; instructionBoxAccess: string; instructionBoxTokenHash: string | null }): InstructionBoxAccess {
  return { siteCode: site.code, siteName: site.name, mode: modeOf(site.instructionBoxAccess), hasToken: site.instructionBoxTokenHash !== null };
}

/** Who may read a site's instruction files over HTTP (Q189809: the share gave Everyone read). */
export async function getInstructionBoxAccess(options: { siteCode: string }): Promise<InstructionBoxAccessSettings | null> {
  const actor = await authorize("console:read");
  const site = await db.site.findUnique({ where: { code: options.siteCode }, select: accessSelect });
  return site ? { ...toAccess(site), canChange: can(actor.role, "sites:write") } : null;
}

/**
 * Switches a site between open read and token, or generates a new token. Token mode without a
 * token generates one; a new token replaces the old, which stops working at once. Only the hash is
 * stored, and the audit row says whether a token is set, never which.
 */
export async function changeInstructionBoxAccess(options: { siteCode: string; input: InstructionBoxAccessInput }): Promise<InstructionBoxAccessChange> {
  const actor = await authorize("sites:write", { type: "site", id: options.siteCode });
  return db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { code: options.siteCode }, select: accessSelect });
    if (!site) throw new DomainError("not_found", `Site ${options.siteCode} does not exist`);
    const before = toAccess(site);
    const mode = options.input.mode ?? before.mode;
    const isGenerating = options.input.rotateToken || (mode === "token" && !before.hasToken);
    const generatedToken = isGenerating ? generateAccessToken() : null;
    await tx.site.update({
      where: { code: site.code },
      data: { instructionBoxAccess: mode, ...(generatedToken ? { instructionBoxTokenHash: hashAccessToken(generatedToken) } : {}) },
    });
    const after = { mode, hasToken: before.hasToken || generatedToken !== null };
    const detail = generatedToken ? (before.hasToken ? "token rotated; the old token no longer works" : "token generated") : undefined;
    await recordAudit(tx, {
      actor,
      action: "site.instruction-box-access",
      objectType: "site",
      objectId: site.code,
      before: { mode: before.mode, hasToken: before.hasToken },
      after,
      detail,
    });
    return { siteCode: site.code, ...after, generatedToken };
  });
}

export const INSTRUCTION_FILE_FETCH_OUTCOMES = ["served", "not-modified", "not-found", "refused"] as const;
export type InstructionFileFetchOutcome = (typeof INSTRUCTION_FILE_FETCH_OUTCOMES)[number];

/** What GET /pcmins.box/<SMS ID>.INS answers; each answer has been logged already. */
export type InstructionFileFetchResult =
  | { outcome: "served" | "not-modified"; file: InstructionFile; isTokenProtected: boolean }
  | { outcome: "not-found"; message: string }
  | { outcome: "refused"; message: string };

/** Fetches are kept this long; clients poll all day, so the log is pruned as it is written. */
export const INSTRUCTION_FILE_FETCH_RETENTION_DAYS = 14;
const FETCH_RETENTION_MS = INSTRUCTION_FILE_FETCH_RETENTION_DAYS * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/**
 * The site whose setting decides a fetch: the computer's site, or for an SMS ID not in inventory
 * the site that created it (its first three characters, Q127052), so that a caller without the
 * token cannot tell a token site's unknown clients from its known ones.
 */
export async function siteOfClient(smsId: string) {
  const computer = await db.computer.findUnique({ where: { smsId }, select: { site: { select: accessSelect } } });
  if (computer) return { isKnown: true, site: computer.site };
  return { isKnown: false, site: await db.site.findUnique({ where: { code: creatingSiteOf(smsId) }, select: accessSelect }) };
}

/**
 * A client's fetch of its instruction file, as PCM read \\<logon server>\SMS_SHR\PCMINS.BOX
 * (Q123499), under its site's access setting (Q189809: the share gave Everyone read). Called by a
 * machine without a session, so there is no actor: the site's token is the only credential. One
 * query answers it (readClientStamps), and a client whose file has not changed since its last fetch
 * is answered from memory. Every fetch is logged (fetch-log.ts); a refused one is also written to
 * the audit trail before the answer.
 */
export async function fetchInstructionFile(options: {
  smsId: string;
  presentedToken: string | null;
  address: string | null;
  now: string;
  /** Whether the client's copy (If-None-Match, If-Modified-Since) is still current. */
  isNotModified: (file: InstructionFile) => boolean;
}): Promise<InstructionFileFetchResult> {
  const fileName = instructionFileName(options.smsId);
  // The computer's site decides, or for an SMS ID not in inventory the site that created it, so
  // that a caller without the token cannot tell a token site's unknown clients from its known ones.
  const client = await readClientStamps(options.smsId, creatingSiteOf(options.smsId));
  const site = client.site;
  const log = { fileName, siteCode: site?.code ?? null, address: options.address };
  const isTokenProtected = site !== null && modeOf(site.instructionBoxAccess) === "token";
  if (isTokenProtected && !isAccessTokenValid(options.presentedToken, site.instructionBoxTokenHash)) {
    const reason = options.presentedToken ? "the token given is not the site's token" : "no token was given";
    await logFetch({ ...log, outcome: "refused" });
    await logWithoutFailing(() =>
      db.$transaction(async (tx) => {
        // One row per client address, site and window however often it asks (the fetch log has each).
        await recordRepeatedAuditEvent(tx, {
          actor: null,
          address: options.address,
          action: "instruction-file.fetch",
          outcome: "refused",
          objectType: "instruction-file",
          objectId: fileName,
          detail: `site ${site.code} requires its token: ${reason}`,
          repeatKey: `instruction-file.fetch refused ${options.address ?? "unknown"} ${site.code}`,
        });
      }),
    );
    return { outcome: "refused", message: `This instruction file needs the site's token, in the ${ACCESS_TOKEN_HEADER} header or the token query parameter.` };
  }
  const file = await instructionFileFromStamps(client, options.now);
  const result: InstructionFileFetchResult =
    file === "unknown"
      ? { outcome: "not-found", message: `${options.smsId} is not in inventory.` }
      : file === "empty"
        ? { outcome: "not-found", message: `No instruction file: no active job offers ${options.smsId} a package.` }
        : { outcome: options.isNotModified(file) ? "not-modified" : "served", file, isTokenProtected };
  await logFetch({ ...log, outcome: result.outcome });
  return result;
}

/**
 * The audit row of a refused fetch is a record of a read, so one that cannot be written (disk full,
 * lock held) is reported on the server's console and never turns the 401 into an error (issue 14, item 4).
 */
async function logWithoutFailing(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const reason = databaseFaultOf(error)?.message ?? (error instanceof Error ? error.message.trim().split("\n")[0] : String(error));
    console.error(`PCMINS.BOX refusal not audited: ${reason}`);
  }
}

/**
 * The fetch log, written in batches: a poll costs no statement and no fsync of its own. Rows wait
 * in memory at most FETCH_LOG_FLUSH_MS or FETCH_LOG_BATCH rows, whichever comes first, so a crash
 * (kill -9, power loss) loses at most that many fetches from the log; the answers themselves are
 * unaffected. SIGTERM and SIGINT write what is waiting and every later fetch at once. A failed
 * write is reported on the console and dropped: the log never fails or stalls a client's GET.
 * Refusals are also in the audit trail, written before the answer.
 */
export const FETCH_LOG_FLUSH_MS = 1_000;
export const FETCH_LOG_BATCH = 500;
/** Rows kept waiting while the database refuses writes, at most; older ones are dropped and counted. */
const FETCH_LOG_BACKLOG_LIMIT = 50_000;

type FetchRow = { at: Date; fileName: string; siteCode: string | null; address: string | null; outcome: InstructionFileFetchOutcome };
type FetchLog = { pending: FetchRow[]; timer: NodeJS.Timeout | null; writing: Promise<void> | null; isShuttingDown: boolean; prunedAt: number; dropped: number };
const globalForFetches = globalThis as unknown as { smsFetchLog?: FetchLog };
const fetchLog: FetchLog = (globalForFetches.smsFetchLog ??= { pending: [], timer: null, writing: null, isShuttingDown: false, prunedAt: 0, dropped: 0 });

function logFetch(row: Omit<FetchRow, "at">): Promise<void> | void {
  flushOnShutdown();
  if (fetchLog.pending.length >= FETCH_LOG_BACKLOG_LIMIT) {
    fetchLog.pending.shift();
    fetchLog.dropped++;
  }
  fetchLog.pending.push({ ...row, at: new Date() });
  if (fetchLog.isShuttingDown) return flushInstructionFileFetches();
  if (fetchLog.pending.length >= FETCH_LOG_BATCH) void flushInstructionFileFetches();
  else fetchLog.timer ??= setTimeout(() => void flushInstructionFileFetches(), FETCH_LOG_FLUSH_MS).unref();
}

/** Writes the fetches waiting in memory; resolves when they are written (or reported lost). Never rejects. */
export async function flushInstructionFileFetches(): Promise<void> {
  // One write at a time, in order: wait for the one under way, then write what came since.
  while (fetchLog.writing) await fetchLog.writing;
  if (fetchLog.timer) clearTimeout(fetchLog.timer);
  fetchLog.timer = null;
  if (fetchLog.pending.length === 0) return;
  const rows = fetchLog.pending.splice(0, fetchLog.pending.length);
  fetchLog.writing = writeFetches(rows).finally(() => (fetchLog.writing = null));
  await fetchLog.writing;
}

async function writeFetches(rows: FetchRow[]): Promise<void> {
  try {
    await db.instructionFileFetch.createMany({ data: rows });
    const now = Date.now();
    if (now - fetchLog.prunedAt >= PRUNE_EVERY_MS) {
      fetchLog.prunedAt = now;
      await db.instructionFileFetch.deleteMany({ where: { at: { lt: new Date(now - FETCH_RETENTION_MS) } } });
    }
  } catch (error) {
    fetchLog.dropped += rows.length;
    console.error(`The instruction file fetch log could not be written; ${rows.length} fetch(es) are not logged (${fetchLog.dropped} so far): ${databaseFaultOf(error)?.message ?? (error instanceof Error ? error.message : String(error))}`);
  }
}

/**
 * Stopping the server writes what waits, and then each fetch as it is answered: Next lets the
 * requests under way finish before it exits. Only inside Next's server, whose own handler exits the
 * process; elsewhere (the CLI, tests) a listener would keep Ctrl-C from stopping the process.
 */
function flushOnShutdown(): void {
  const flags = globalThis as unknown as { smsFetchLogSignals?: boolean };
  if (flags.smsFetchLogSignals || !process.env.NEXT_RUNTIME) return;
  flags.smsFetchLogSignals = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      fetchLog.isShuttingDown = true;
      void flushInstructionFileFetches();
    });
  }
}

export interface InstructionFileFetchRow {
  id: number;
  at: Date;
  fileName: string;
  siteCode: string | null;
  address: string | null;
  outcome: string;
}

/** Recent fetches of instruction files, newest first: which clients poll, and who was turned away. */
export async function listInstructionFileFetches(options: { page: number; search?: string; outcome?: InstructionFileFetchOutcome; siteCode?: string }): Promise<Page<InstructionFileFetchRow>> {
  await authorize("console:read");
  // This instance's own fetches show at once; another instance's within FETCH_LOG_FLUSH_MS.
  await flushInstructionFileFetches();
  const prefix = options.search?.trim().toUpperCase();
  const where = {
    ...(prefix ? { fileName: { startsWith: prefix } } : {}),
    ...(options.outcome ? { outcome: options.outcome } : {}),
    ...(options.siteCode ? { siteCode: options.siteCode } : {}),
  };
  const [items, total] = await Promise.all([
    db.instructionFileFetch.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], ...pageWindow(options.page), select: { id: true, at: true, fileName: true, siteCode: true, address: true, outcome: true } }),
    db.instructionFileFetch.count({ where }),
  ]);
  return toPage(items, total, options.page);
}
