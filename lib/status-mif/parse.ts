import { MAX_MIF_DEPTH, MAX_STATUS_MIF_BYTES, type MifBlock, type MifValue } from "./mif-tree";
import { StatusMifError } from "./status-mif-error";

interface Token {
  kind: "word" | "string" | "equals";
  text: string;
  line: number;
  /** As written, for error messages. */
  raw: string;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r" };
const KEYWORD = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Bytes the text takes as UTF-8, counted without allocating for the common ASCII case. */
function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_STATUS_MIF_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function* tokenize(text: string): Generator<Token> {
  let position = 0;
  let line = 1;
  while (position < text.length) {
    const character = text[position]!;
    if (character === "\n") {
      line += 1;
      position += 1;
    } else if (character === " " || character === "\t" || character === "\r" || character === "\f" || character === "\v") {
      position += 1;
    } else if (character === "/" && text[position + 1] === "/") {
      while (position < text.length && text[position] !== "\n") position += 1;
    } else if (character === "=") {
      yield { kind: "equals", text: "=", raw: "=", line };
      position += 1;
    } else if (character === '"') {
      const startLine = line;
      const start = position;
      let value = "";
      position += 1;
      for (;;) {
        if (position >= text.length) throw new StatusMifError("unterminated string", startLine, shorten(text.slice(start)));
        const next = text[position]!;
        if (next === '"') break;
        if (next === "\n") line += 1;
        if (next === "\\" && position + 1 < text.length) {
          const escaped = text[position + 1]!;
          if (escaped === "\n") line += 1;
          value += ESCAPES[escaped] ?? `\\${escaped}`;
          position += 2;
        } else {
          value += next;
          position += 1;
        }
      }
      position += 1;
      yield { kind: "string", text: value, raw: shorten(text.slice(start, position)), line: startLine };
    } else {
      const start = position;
      while (position < text.length && !/[\s="]/.test(text[position]!)) position += 1;
      const word = text.slice(start, position);
      yield { kind: "word", text: word, raw: shorten(word), line };
    }
  }
}

function lineCount(text: string): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines += 1;
  return lines;
}

function shorten(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
}

/**
 * Parses a status MIF into its one top-level COMPONENT block. Never throws anything but
 * StatusMifError, whose message names the line and token, as the Despooler's did (Q190135).
 */
export function parseMif(text: string): MifBlock {
  if (utf8Length(text) > MAX_STATUS_MIF_BYTES) {
    throw new StatusMifError(
      `status MIF is larger than 64 KB (event 119, Q122178): ${utf8Length(text)} bytes`,
      0,
      "end of file",
    );
  }
  const tokens = tokenize(text);
  const next = (): Token | undefined => {
    const result = tokens.next();
    return result.done ? undefined : result.value;
  };
  const fail = (detail: string, token: Token | undefined): never => {
    if (token) throw new StatusMifError(detail, token.line, token.raw || '""');
    throw new StatusMifError(detail, lineCount(text), "end of file");
  };

  const stack: MifBlock[] = [];
  let component: MifBlock | undefined;
  for (let token = next(); token; token = next()) {
    if (token.kind !== "word") fail("expected START, END or a keyword", token);
    const keyword = token.text.toUpperCase();
    if (keyword === "START" || keyword === "END") {
      const kindToken = next();
      if (!kindToken || kindToken.kind !== "word" || !KEYWORD.test(kindToken.text)) fail(`expected a block name after ${keyword}`, kindToken);
      const kind = kindToken!.text.toUpperCase();
      if (keyword === "START") {
        if (component && stack.length === 0) fail("only one COMPONENT is allowed", kindToken);
        if (stack.length === 0 && kind !== "COMPONENT") fail("a status MIF starts with START COMPONENT", kindToken);
        if (stack.length > 0 && kind === "COMPONENT") fail("COMPONENT cannot be nested", kindToken);
        if (stack.length >= MAX_MIF_DEPTH) fail("blocks nested too deeply", kindToken);
        const block: MifBlock = { kind, statements: [], blocks: [] };
        stack.at(-1)?.blocks.push(block);
        if (stack.length === 0) component = block;
        stack.push(block);
      } else {
        const open = stack.pop();
        if (!open) fail(`END ${kind} without START ${kind}`, kindToken);
        if (open!.kind !== kind) fail(`expected END ${open!.kind}`, kindToken);
      }
      continue;
    }
    if (!KEYWORD.test(token.text)) fail("expected a keyword", token);
    const current = stack.at(-1);
    if (!current) fail("statement outside START COMPONENT", token);
    const equals = next();
    if (!equals || equals.kind !== "equals") fail(`expected = after ${token.text}`, equals);
    const valueToken = next();
    if (!valueToken || valueToken.kind === "equals") fail(`expected a value for ${token.text}`, valueToken);
    const value: MifValue = { isQuoted: valueToken!.kind === "string", text: valueToken!.text };
    current!.statements.push({ keyword, value });
  }
  if (stack.length > 0) fail(`missing END ${stack.at(-1)!.kind}`, undefined);
  if (!component) fail("no START COMPONENT", undefined);
  return component!;
}
