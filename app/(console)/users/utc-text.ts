import { formatUtcInstant } from "@/lib/wall-clock-format";

/** A UTC ISO timestamp in the console's format, labelled UTC. */
export function utcText(iso: string | null): string {
  return iso ? formatUtcInstant(iso) : "never";
}
