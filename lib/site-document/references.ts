import type { SiteDocument } from "./schema";

export interface DocumentIssue {
  /** JSON path of the offending value, e.g. computers[3].siteCode */
  path: string;
  message: string;
}

/** What the database already holds, so a document may refer to it without repeating it. */
export interface ExistingKeys {
  siteCodes: ReadonlySet<string>;
  serverNames: ReadonlySet<string>;
  smsIds: ReadonlySet<string>;
  machineGroupNames: ReadonlySet<string>;
  queryNames: ReadonlySet<string>;
  /** Command names of each package already in the database. */
  packageCommandNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Request IDs already used by jobs in the database, with their job. */
  requestIds: ReadonlyMap<string, string>;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, "");
}

/**
 * Checks what zod cannot see one value at a time: duplicate keys inside the document and
 * references to sites, servers and computers that exist neither in the document nor the database.
 */
export function findReferenceIssues(document: SiteDocument, existing: ExistingKeys): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const report = (path: PropertyKey[], message: string) => issues.push({ path: formatIssuePath(path), message });

  const siteCodes = collectUnique(document.sites.map((site) => site.code), "sites", "code", "Site code", report);
  const serverNames = collectUnique(document.servers.map((server) => server.name), "servers", "name", "Server", report);
  const smsIds = collectUnique(document.computers.map((computer) => computer.smsId), "computers", "smsId", "SMS ID", report);
  const queryNames = collectUnique(document.queries.map((query) => query.name), "queries", "name", "Query", report);
  const groupNames = collectUnique(document.machineGroups.map((group) => group.name), "machineGroups", "name", "Machine group", report);
  collectUnique(document.packages.map((pkg) => pkg.packageId), "packages", "packageId", "Package ID", report);
  collectUnique(document.jobs.map((job) => job.jobId), "jobs", "jobId", "Job ID", report);

  const hasSite = (code: string) => siteCodes.has(code) || existing.siteCodes.has(code);
  const hasServer = (name: string) => serverNames.has(name) || existing.serverNames.has(name);
  const hasComputer = (smsId: string) => smsIds.has(smsId) || existing.smsIds.has(smsId);

  document.sites.forEach((site, index) => {
    if (site.parentCode && !hasSite(site.parentCode)) report(["sites", index, "parentCode"], `Parent site ${site.parentCode} is not in the document or the database`);
  });
  const parents = new Map(document.sites.map((site) => [site.code, site.parentCode]));
  document.sites.forEach((site, index) => {
    if (formsCycle(site.code, parents)) report(["sites", index, "parentCode"], `Site ${site.code} would be its own ancestor`);
  });
  document.servers.forEach((server, index) => {
    if (!hasSite(server.siteCode)) report(["servers", index, "siteCode"], `Site ${server.siteCode} is not in the document or the database`);
  });
  document.computers.forEach((computer, index) => {
    if (!hasSite(computer.siteCode)) report(["computers", index, "siteCode"], `Site ${computer.siteCode} is not in the document or the database`);
    if (computer.logonServer && !hasServer(computer.logonServer)) {
      report(["computers", index, "logonServer"], `Logon server ${computer.logonServer} is not in the document or the database`);
    }
  });
  document.machineGroups.forEach((group, index) => {
    if (group.query && !queryNames.has(group.query) && !existing.queryNames.has(group.query)) report(["machineGroups", index, "query"], `Query ${group.query} is not in the document or the database`);
    group.members.forEach((smsId, memberIndex) => {
      if (!hasComputer(smsId)) report(["machineGroups", index, "members", memberIndex], `Computer ${smsId} is not in the document or the database`);
    });
    group.servers.forEach((name, serverIndex) => {
      if (!hasServer(name)) report(["machineGroups", index, "servers", serverIndex], `Server ${name} is not in the document or the database`);
    });
  });
  document.packages.forEach((pkg, index) => {
    if (!hasSite(pkg.siteCode)) report(["packages", index, "siteCode"], `Site ${pkg.siteCode} is not in the document or the database`);
    pkg.distributionServers.forEach((name, serverIndex) => {
      if (!hasServer(name)) report(["packages", index, "distributionServers", serverIndex], `Server ${name} is not in the document or the database`);
    });
  });
  findJobReferenceIssues(document, existing, { hasSite, hasServer, hasComputer, groupNames, queryNames }, report);
  return issues;
}

function findJobReferenceIssues(
  document: SiteDocument,
  existing: ExistingKeys,
  known: { hasSite: (code: string) => boolean; hasServer: (name: string) => boolean; hasComputer: (smsId: string) => boolean; groupNames: Set<string>; queryNames: Set<string> },
  report: (path: PropertyKey[], message: string) => void,
) {
  const commandNames = new Map(existing.packageCommandNames);
  for (const pkg of document.packages) commandNames.set(pkg.packageId, new Set(pkg.commandLines.map((line) => line.commandName)));
  const hasGroup = (name: string) => known.groupNames.has(name) || existing.machineGroupNames.has(name);
  const requestOwners = new Map(existing.requestIds);
  document.jobs.forEach((job, index) => {
    const at = (...path: PropertyKey[]) => ["jobs", index, ...path];
    if (!known.hasSite(job.siteCode)) report(at("siteCode"), `Site ${job.siteCode} is not in the document or the database`);
    const names = commandNames.get(job.packageId);
    if (!names) report(at("packageId"), `Package ${job.packageId} is not in the document or the database`);
    else if (job.runPhase.commandName && !names.has(job.runPhase.commandName)) report(at("runPhase", "commandName"), `Package ${job.packageId} has no command line "${job.runPhase.commandName}"`);
    if (job.target.machineGroup && !hasGroup(job.target.machineGroup)) report(at("target", "machineGroup"), `Machine group ${job.target.machineGroup} is not in the document or the database`);
    if (job.target.query && !known.queryNames.has(job.target.query) && !existing.queryNames.has(job.target.query)) report(at("target", "query"), `Query ${job.target.query} is not in the document or the database`);
    if (job.target.limitToSiteCode && !known.hasSite(job.target.limitToSiteCode)) report(at("target", "limitToSiteCode"), `Site ${job.target.limitToSiteCode} is not in the document or the database`);
    if (job.distributePhase.serverGroup && !hasGroup(job.distributePhase.serverGroup)) report(at("distributePhase", "serverGroup"), `Machine group ${job.distributePhase.serverGroup} is not in the document or the database`);
    job.frozenTargets.forEach((smsId, targetIndex) => {
      if (!known.hasComputer(smsId)) report(at("frozenTargets", targetIndex), `Computer ${smsId} is not in the document or the database`);
    });
    // Sent jobs carry their request ID; a job canceled before Send never had one.
    if ((job.state === "ACTIVE" || job.state === "COMPLETE" || job.state === "FAILED") && !job.requestId) {
      report(at("requestId"), `A ${job.state.toLowerCase()} job needs the request ID it was sent with`);
    }
    if (job.requestId) {
      const owner = requestOwners.get(job.requestId);
      if (owner && owner !== job.jobId) report(at("requestId"), `Request ID ${job.requestId} already belongs to job ${owner}`);
      requestOwners.set(job.requestId, job.jobId);
    }
  });
}

function collectUnique(
  keys: string[],
  collection: string,
  field: string,
  label: string,
  report: (path: PropertyKey[], message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) report([collection, index, field], `${label} ${key} appears more than once in the document`);
    seen.add(key);
  });
  return seen;
}

function formsCycle(start: string, parents: ReadonlyMap<string, string | undefined>): boolean {
  const visited = new Set<string>();
  let current = parents.get(start);
  while (current) {
    if (current === start) return true;
    if (visited.has(current)) return false;
    visited.add(current);
    current = parents.get(current);
  }
  return false;
}
