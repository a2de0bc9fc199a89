import type { Platform } from "../platforms";

/**
 * A Package Definition File as SMS 1.x read and Writepdf.exe wrote it (digest §2.3, §5.17):
 * the package's definition, one workstation command line per setup variation, and the
 * Inventory set's detection rule over files.
 */
export interface PackageDefinition {
  product: string;
  version: string;
  comment: string;
  commandLines: DefinitionCommandLine[];
  inventory: InventoryDefinition | null;
}

export interface DefinitionCommandLine {
  /** The setup variation: its section is "[<variation> Setup]". */
  variation: string;
  commandName: string;
  commandLine: string;
  /** UserInputRequired: undefined when the PDF does not define it (Q174933 reads that as "not FALSE"). */
  isUserInputRequired: boolean | undefined;
  isSystemTask: boolean;
  isSynchronousSystemExitRequired: boolean;
  supportedPlatforms: Platform[];
}

export const DETECTION_OPERATORS = ["AND", "OR"] as const;
export type DetectionOperator = (typeof DETECTION_OPERATORS)[number];

/** One "[File n]" test; values are kept as written, since the KB documents only CRC's shape. */
export interface DetectionFile {
  fileName: string;
  isCollected: boolean;
  checksum: string;
  crc: string;
  date: string;
  size: string;
  time: string;
  byte: string;
  word: string;
  long: string;
  token1: string;
  token2: string;
  token3: string;
  token4: string;
}

/**
 * The Inventory set: "Detection Rule Part n" alternates file tests and AND/OR, as the PDF
 * writes them; `rule` lists file positions (0-based into `files`) and operators in that order.
 */
export interface InventoryDefinition {
  isInventoried: boolean;
  rule: DetectionRulePart[];
  files: DetectionFile[];
}

export type DetectionRulePart = { file: number } | { operator: DetectionOperator };

export type ProblemSeverity = "error" | "warning" | "info";

/** A problem found in a PDF, with the 1-based line it is on (0 when it concerns the whole file). */
export interface DefinitionProblem {
  line: number;
  severity: ProblemSeverity;
  message: string;
}

export function emptyDetectionFile(fileName = ""): DetectionFile {
  return { fileName, isCollected: false, checksum: "", crc: "", date: "", size: "", time: "", byte: "", word: "", long: "", token1: "", token2: "", token3: "", token4: "" };
}
