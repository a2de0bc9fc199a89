import "server-only";
import { can } from "../access/roles";
import { db } from "../db";
import { DomainError } from "../errors";
import {
  ACCESS_TOKEN_HEADER,
  generateAccessToken,
  hashAccessToken,
  isAccessTokenValid,
  isInstructionBoxAccessMode,
  type InstructionBoxAccessInput,
  type InstructionBoxAccessMode,
} from "../instruction-box/access-token";
import { creatingSiteOf } from "../sms-id";
import { recordAudit } from "./audit";
import { generateInstructionFile, instructionFileName, type InstructionFile } from "./instruction-box";
import { pageWindow, toPage, type Page } from "./records";
import { authorize } from "./session";

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
const globalForFetches = globalThis as unknown as { smsFetchesPrunedAt?: number };

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
 * machine without a session, so there is no actor: the site's token is the only credential. Every
 * fetch is logged; a refused one is also written to the audit trail.
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
  const { isKnown, site } = await siteOfClient(options.smsId);
  const log = { fileName, siteCode: site?.code ?? null, address: options.address };
  const isTokenProtected = site !== null && modeOf(site.instructionBoxAccess) === "token";
  if (isTokenProtected && !isAccessTokenValid(options.presentedToken, site.instructionBoxTokenHash)) {
    const reason = options.presentedToken ? "the token given is not the site's token" : "no token was given";
    await db.$transaction(async (tx) => {
      await tx.instructionFileFetch.create({ data: { ...log, outcome: "refused" } });
      await recordAudit(tx, { actor: null, address: options.address, action: "instruction-file.fetch", outcome: "refused", objectType: "instruction-file", objectId: fileName, detail: `site ${site.code} requires its token: ${reason}` });
    });
    return { outcome: "refused", message: `This instruction file needs the site's token, in the ${ACCESS_TOKEN_HEADER} header or the token query parameter.` };
  }
  const file = isKnown ? await generateInstructionFile({ smsId: options.smsId, now: options.now }) : "unknown";
  const result: InstructionFileFetchResult =
    file === "unknown"
      ? { outcome: "not-found", message: `${options.smsId} is not in inventory.` }
      : file === "empty"
        ? { outcome: "not-found", message: `No instruction file: no active job offers ${options.smsId} a package.` }
        : { outcome: options.isNotModified(file) ? "not-modified" : "served", file, isTokenProtected };
  await recordFetch({ ...log, outcome: result.outcome });
  return result;
}

async function recordFetch(row: { fileName: string; siteCode: string | null; address: string | null; outcome: InstructionFileFetchOutcome }): Promise<void> {
  await db.instructionFileFetch.create({ data: row });
  const now = Date.now();
  if (now - (globalForFetches.smsFetchesPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  globalForFetches.smsFetchesPrunedAt = now;
  await db.instructionFileFetch.deleteMany({ where: { at: { lt: new Date(now - FETCH_RETENTION_MS) } } });
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
