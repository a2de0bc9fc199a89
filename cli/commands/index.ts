import type { Command } from "../command";

/**
 * The commands `sms --help` lists, in its order. Each command's module (and with it the data
 * layer, Prisma and the rules) is loaded only when that command runs: help answers at once.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "package", summary: "Import a Package Definition File (PDF) as a package, or export a package as one", load: async () => (await import("./package")).packageCommand },
  { name: "job", summary: "Create, send, cancel, list and show Run Command On Workstation jobs", load: async () => (await import("./job")).jobCommand },
  { name: "query", summary: "List, show and create saved queries over inventory (SMS 1.2 queries)", load: async () => (await import("./query")).queryCommand },
  { name: "check", summary: "Review a job or a package against the PCM-service requirements (R1-R88)", load: async () => (await import("./check")).checkCommand },
  { name: "rules", summary: "List the requirement catalogue R1-R88 with each rule's status", load: async () => (await import("./rules")).rulesCommand },
  { name: "simulate", summary: "Simulate what a client's Package Command Manager does over a time window", load: async () => (await import("./simulate")).simulateCommand },
  { name: "import", summary: "Import a site document (JSON) in one all-or-nothing transaction", load: async () => (await import("./site-document")).importCommand },
  { name: "export", summary: "Export the whole console as a site document (JSON)", load: async () => (await import("./site-document")).exportCommand },
  { name: "demo", summary: "Load the demo site document into an empty database", load: async () => (await import("./demo")).demoCommand },
  { name: "pcmdump", summary: "Dump or list PCM instruction files (<SMS ID>.INS), like SMS 1.2's PCMDUMP", load: async () => (await import("./pcmdump")).pcmdumpCommand },
  { name: "ins", summary: "Encode an instruction file from its JSON form, or decode one to JSON", load: async () => (await import("./ins")).insCommand },
  { name: "box", summary: "Write the instruction box (every <SMS ID>.INS) to a directory; set who may fetch it over HTTP", load: async () => (await import("./box")).boxCommand },
  { name: "status", summary: "A job's status from its targets' status MIFs; import a copy of DESPOOLR.BOX", load: async () => (await import("./status")).statusCommand },
  { name: "pcm", summary: "Run as a client's Package Command Manager against a console (poll, run, report)", load: async () => (await import("./pcm")).pcmCommand },
  { name: "ismif", summary: "Write a status MIF with ISMIF32's options, for setup scripts", load: async () => (await import("./ismif")).ismifCommand },
  { name: "user", summary: "Create, list, disable and enable users; set roles and reset passwords", load: async () => (await import("./user")).userCommand },
  { name: "audit", summary: "Prune the audit trail: export rows from before a date, then remove them", load: async () => (await import("./audit")).auditCommand },
  { name: "backup", summary: "Copy the database, users and audit trail included, to a new file while the console runs", load: async () => (await import("./backup")).backupCommand },
  { name: "restore", summary: "Put a backup in place as the database (the console must be stopped)", load: async () => (await import("./backup")).restoreCommand },
];
