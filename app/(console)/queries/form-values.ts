import type { QueryDetail } from "@/lib/data/inventory/queries";

export function queryToFormValues(query: QueryDetail): Record<string, unknown> {
  return { name: query.name, comment: query.comment, version: query.version, conditions: query.conditions };
}
