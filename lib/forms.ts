/**
 * Turns a form post into the plain object the shared zod schemas expect.
 * Names use dotted paths ("commandLines.0.commandName"); a name ending in "[]" collects every
 * value into a list (check-box lists); "" stays "" for the schema to judge.
 *
 * Field names come from whoever posts the form, before any sign-in, so they are read as hostile
 * (issue 14): the tree is built from null-prototype objects and Maps, so no name can reach
 * Object.prototype; segments that name a prototype are refused; list indexes are bounded, and lists
 * are kept sparse until they are compacted, so a huge index costs nothing; and a name that is both a
 * value and a container ("commandLines" and "commandLines.0.commandName") keeps the value, so the
 * schema reports that field instead of the reader throwing.
 */

/** No form of the console nests deeper or uses longer names; anything beyond is not one of its fields. */
export const MAX_FIELD_NAME_LENGTH = 200;
const MAX_SEGMENTS = 8;
/** Rows of a list (command lines and the like) are numbered 0..9999 by the forms. */
export const MAX_LIST_INDEX = 9_999;
const REFUSED_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^(0|[1-9]\d{0,3})$/;

/** A prototype's name, or a list index beyond the forms' rows (or written with leading zeros). */
function isRefusedSegment(segment: string): boolean {
  return REFUSED_SEGMENTS.has(segment) || (/^\d+$/.test(segment) && !INDEX.test(segment));
}

type Branch = { kind: "record"; children: Map<string, Node> } | { kind: "list"; children: Map<number, Node> };
type Node = Branch | { kind: "value"; value: string } | { kind: "values"; values: string[] };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root: Branch = { kind: "record", children: new Map() };
  for (const [rawName, value] of formOrEmpty(formData).entries()) {
    if (typeof value !== "string" || rawName.startsWith("$ACTION") || rawName.length > MAX_FIELD_NAME_LENGTH) continue;
    const isList = rawName.endsWith("[]");
    const segments = (isList ? rawName.slice(0, -2) : rawName).split(".");
    if (segments.length > MAX_SEGMENTS || segments.some(isRefusedSegment)) continue;
    place(root, segments, value, isList);
  }
  return toPlain(root) as Record<string, unknown>;
}

/** A key of a record, or an index of a list; null when the segment fits neither (the field is skipped). */
function keyFor(branch: Branch, segment: string): string | number | null {
  if (branch.kind === "record") return segment;
  return INDEX.test(segment) ? Number(segment) : null;
}

function place(root: Branch, segments: string[], value: string, isList: boolean) {
  let branch: Branch = root;
  for (let index = 0; index < segments.length; index += 1) {
    const key = keyFor(branch, segments[index]!);
    if (key === null) return;
    const children = branch.children as Map<string | number, Node>;
    const existing = children.get(key);
    if (index === segments.length - 1) {
      // The last value of a repeated name wins, as before; a value replaces a container of the
      // same name, so the schema judges that field.
      if (isList && existing?.kind === "values") existing.values.push(value);
      else children.set(key, isList ? { kind: "values", values: [value] } : { kind: "value", value });
      return;
    }
    // Nested under a value ("commandLines=text", then "commandLines.0.commandName"): the value stands.
    if (existing?.kind === "value" || existing?.kind === "values") return;
    if (existing) {
      branch = existing;
      continue;
    }
    const next: Branch = INDEX.test(segments[index + 1]!) ? { kind: "list", children: new Map() } : { kind: "record", children: new Map() };
    children.set(key, next);
    branch = next;
  }
}

/** Plain objects and dense arrays: rows removed in the browser leave holes in the indexes, closed here. */
function toPlain(node: Node): unknown {
  switch (node.kind) {
    case "value":
      return node.value;
    case "values":
      return node.values;
    case "list":
      return [...node.children.entries()].sort(([left], [right]) => left - right).map(([, child]) => toPlain(child));
    case "record":
      return Object.fromEntries([...node.children.entries()].map(([key, child]) => [key, toPlain(child)]));
  }
}

/** A text area of names or IDs, one per line (commas, semicolons and spaces also separate them). */
export function splitList(value: unknown): unknown {
  return typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : value;
}

/** The job form's values as the job schema reads them: its computers and servers are typed one per line. */
export function jobFormToObject(formData: FormData): Record<string, unknown> {
  const values = formDataToObject(formData);
  const target = values.target ?? {};
  // A target posted as plain text is left for the schema to refuse by name.
  if (typeof target !== "object" || Array.isArray(target)) return values;
  const typed = target as Record<string, unknown>;
  return { ...values, target: { ...target, smsIds: splitList(typed.smsIds), serverNames: splitList(typed.serverNames) } };
}

/**
 * The form an action was given, or an empty one: an action called by hand (not by its form) may get
 * no form at all, and then every field is missing rather than the action failing.
 */
export function formOrEmpty(formData: unknown): FormData {
  return formData instanceof FormData ? formData : new FormData();
}
