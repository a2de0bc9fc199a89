import { DETECTION_OPERATORS, type DetectionOperator, type DetectionRulePart } from "../pdf/definition";

/**
 * The Inventory set's detection rule in the PDF's own words: file tests ("File 1") joined by AND
 * or OR, one "Detection Rule Part n" each (digest §2.3). Files are numbered from 1 in the package.
 */
export type DetectionRuleReading = { ok: true; parts: DetectionRulePart[] } | { ok: false; message: string };

export function readDetectionRule(text: string, fileCount: number): DetectionRuleReading {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const parts: DetectionRulePart[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!.toUpperCase();
    if (parts.length % 2 === 1) {
      if (!(DETECTION_OPERATORS as readonly string[]).includes(word)) return { ok: false, message: `"${words[index]}" stands where AND or OR belongs` };
      parts.push({ operator: word as DetectionOperator });
      continue;
    }
    const number = word === "FILE" ? words[index + 1] : undefined;
    if (number === undefined || !/^\d{1,4}$/.test(number)) return { ok: false, message: `"${words[index]}" stands where a file test such as "File 1" belongs` };
    index += 1;
    const position = Number(number) - 1;
    if (position < 0 || position >= fileCount) return { ok: false, message: `File ${number} is not one of the package's ${fileCount} detection files` };
    parts.push({ file: position });
  }
  if (parts.length % 2 === 0 && parts.length > 0) return { ok: false, message: "The rule ends with AND or OR; a file test must follow" };
  return { ok: true, parts };
}

export function formatDetectionRule(parts: readonly DetectionRulePart[]): string {
  return parts.map((part) => ("file" in part ? `File ${part.file + 1}` : part.operator)).join(" ");
}
