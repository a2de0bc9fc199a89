import type { MifBlock, MifValue } from "./mif-tree";

function printValue(value: MifValue): string {
  if (!value.isQuoted) return value.text;
  return `"${value.text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** Writes a MIF tree in the layout ISMIF32 used (Q186415): two-space indents, one statement a line. */
export function printMif(block: MifBlock, depth = 0): string {
  const indent = "  ".repeat(depth);
  const inner = "  ".repeat(depth + 1);
  const lines = [`${indent}START ${block.kind}`];
  for (const statement of block.statements) lines.push(`${inner}${statement.keyword} = ${printValue(statement.value)}`);
  for (const child of block.blocks) lines.push(printMif(child, depth + 1).replace(/\n$/, ""));
  lines.push(`${indent}END ${block.kind}`);
  return `${lines.join("\n")}\n`;
}
