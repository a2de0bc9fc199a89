/**
 * One PCM instruction record (Q123499) in its JSON form. Values are raw, exactly as stored:
 * no month shifting, no calendar checks, numbers as the file holds them.
 * Key order is the record order PCMDUMP prints, so JSON.stringify of a decoded file reads like a dump.
 */
export interface InstructionRecord {
  /** Record version; 6 is SMS 1.0's, printed "Beta 455" by PCMDUMP. */
  version: number;
  siteId: string;
  requestId: string;
  packageId: string;
  jobId: string;
  /** 0-1 install regardless of network speed, 2 not over a slow link. */
  installFlag: number;
  /** "YYYY-MM-DDTHH:MM:SS" of the stored components, or null when all are zero. */
  installByDate: string | null;
  installByFull: number;
  displayDate: string | null;
  displayFull: number;
  expirationDate: string | null;
  expirationFull: number;
  userInputFlags: number;
  /** Bit mask of OPERATING_SYSTEM_BITS (lib/platforms.ts); unknown bits are kept as stored. */
  operatingSystem: number;
  diskUsage: string;
  runCommand: string;
  wclName: string;
  servers: InstructionServer[];
  packageName: string;
  comments: string;
  domainName: string;
  /** The 32 reserved bytes as 64 hex digits: lower case as the decoder writes them; either case is accepted on input. */
  reserved: string;
}

export interface InstructionServer {
  /** UNC path of the package directory, e.g. \\CNS-SMS\SMS_PKGD\BPC0000A\ */
  path: string;
  /** One of SERVER_TYPES (lib/servers/schema.ts), kept as stored. */
  type: number;
  /** Macintosh zone; "" when the server has none. */
  zone: string;
}

/** PCMDUMP's label for each field; error messages use the same words. */
export const FIELD_LABELS: Readonly<Record<keyof InstructionRecord, string>> = {
  version: "PCM Version",
  siteId: "SiteID",
  requestId: "RequestID",
  packageId: "PackageID",
  jobId: "JobID",
  installFlag: "Install Flag",
  installByDate: "Install By Date",
  installByFull: "Install By Full",
  displayDate: "Display Date",
  displayFull: "Display Full",
  expirationDate: "Expiration Date",
  expirationFull: "Expiration Full",
  userInputFlags: "User Input Flags",
  operatingSystem: "Operating System",
  diskUsage: "Disk Usage",
  runCommand: "Run Command",
  wclName: "WCL Name",
  servers: "Server(s)",
  packageName: "Package Name",
  comments: "Comments",
  domainName: "Domain Name",
  reserved: "Reserved",
};

/** Record versions this layout defines. The console writes CURRENT_RECORD_VERSION; others are skipped on read. */
export const MIN_RECORD_VERSION = 1;
export const CURRENT_RECORD_VERSION = 6;

/** Fixed-width character fields, NUL-padded: widths SMS used for site codes and IDs. */
export const FIXED_FIELD_WIDTHS = { siteId: 3, requestId: 7, packageId: 8, jobId: 8 } as const;

/** Maximum characters of each counted string. Generous next to the SMS 1.2 UI, small enough to bound a record. */
export const TEXT_FIELD_MAX_LENGTHS = {
  diskUsage: 32,
  runCommand: 1024,
  wclName: 128,
  packageName: 128,
  comments: 1024,
  domainName: 32,
} as const;

/** MAX_PATH: a UNC path longer than this could not be opened by the clients anyway. */
export const SERVER_PATH_MAX_LENGTH = 260;
export const SERVER_ZONE_MAX_LENGTH = 260;
export const MAX_SERVERS_PER_RECORD = 64;

export const RESERVED_BYTE_LENGTH = 32;
export const MAX_UINT16 = 0xffff;
export const MAX_UINT32 = 0xffffffff;

/** Caps for untrusted input: a client never has more pending packages than this. */
export const MAX_RECORDS_PER_FILE = 1024;
export const MAX_INSTRUCTION_FILE_BYTES = 4 * 1024 * 1024;

/** Characters a string field may hold: printable ISO-8859-1, one byte each, no control characters. */
export const PRINTABLE_LATIN1_PATTERN = /^[\x20-\x7e\xa0-\xff]*$/;

export function isPrintableLatin1Byte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || (byte >= 0xa0 && byte <= 0xff);
}
