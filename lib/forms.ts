/**
 * Turns a form post into the plain object the shared zod schemas expect.
 * Names use dotted paths ("commandLines.0.commandName"); a name ending in "[]" collects every
 * value into a list (check-box lists); "" stays "" for the schema to judge.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // An action called by hand (not by its form) may get no form at all: then every field is missing,
  // and the schema names each one, rather than the action failing.
  if (!(formData instanceof FormData)) return result;
  for (const [rawName, value] of formData.entries()) {
    if (typeof value !== "string" || rawName.startsWith("$ACTION")) continue;
    const isList = rawName.endsWith("[]");
    const path = (isList ? rawName.slice(0, -2) : rawName).split(".");
    setPath(result, path, value, isList);
  }
  // Rows removed in the browser leave holes in the indexes; compact every list.
  compactLists(result);
  return result;
}

function setPath(target: Record<string, unknown>, path: string[], value: string, isList: boolean) {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((segment, index) => {
    const isLast = index === path.length - 1;
    const key = /^\d+$/.test(segment) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (isLast) {
      if (isList) {
        const list = Array.isArray(container[key]) ? (container[key] as unknown[]) : [];
        list.push(value);
        container[key] = list;
      } else {
        container[key] = value;
      }
      return;
    }
    const nextIsIndex = /^\d+$/.test(path[index + 1] ?? "");
    if (container[key] === undefined) container[key] = nextIsIndex ? [] : {};
    node = container[key] as Record<string, unknown> | unknown[];
  });
}

function compactLists(node: unknown) {
  if (Array.isArray(node)) {
    for (let index = node.length - 1; index >= 0; index -= 1) if (node[index] === undefined) node.splice(index, 1);
    node.forEach(compactLists);
  } else if (node && typeof node === "object") {
    Object.values(node).forEach(compactLists);
  }
}

/** A text area of names or IDs, one per line (commas, semicolons and spaces also separate them). */
export function splitList(value: unknown): unknown {
  return typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : value;
}

/** The job form's values as the job schema reads them: its computers are typed one per line. */
export function jobFormToObject(formData: FormData): Record<string, unknown> {
  const values = formDataToObject(formData);
  const target = (values.target ?? {}) as Record<string, unknown>;
  return { ...values, target: { ...target, smsIds: splitList(target.smsIds) } };
}
