/**
 * The DMTF MIF text PCM and setup programs write (digest §2.11): nested START/END blocks of
 * `KEYWORD = value` statements. Keywords and block kinds are case-insensitive and kept upper-case;
 * values keep their text and whether they were quoted, so printing gives back what was parsed.
 */
export interface MifValue {
  isQuoted: boolean;
  text: string;
}

export interface MifStatement {
  keyword: string;
  value: MifValue;
}

export interface MifBlock {
  /** COMPONENT, GROUP, ATTRIBUTE, or another DMTF block such as ENUM, TABLE or PATH. */
  kind: string;
  statements: MifStatement[];
  blocks: MifBlock[];
}

/** 64 KB: a bigger workstation installation MIF was refused (event 119, Q122178). */
export const MAX_STATUS_MIF_BYTES = 64 * 1024;
/** DMTF nests component > group > attribute > enum; anything deeper is not a status MIF. */
export const MAX_MIF_DEPTH = 6;

/** The statement's value by keyword (case-insensitive), or undefined. */
export function statementValue(block: MifBlock, keyword: string): string | undefined {
  const wanted = keyword.toUpperCase();
  return block.statements.find((statement) => statement.keyword === wanted)?.value.text;
}
