import { z } from "zod";

/** Route segment [machineGroupId]: a positive whole number, or the page is not found. */
export function parseMachineGroupId(segment: string): number | null {
  const parsed = z.coerce.number().int().positive().safeParse(segment);
  return parsed.success ? parsed.data : null;
}
