import { z } from "zod";

/** Route segment [queryId]: a positive whole number, or the page is not found. */
export function parseQueryId(segment: string): number | null {
  const parsed = z.coerce.number().int().positive().max(2 ** 31 - 1).safeParse(segment);
  return parsed.success ? parsed.data : null;
}
