/** A UTC ISO timestamp as the console shows it: to the second, with its Z. */
export function utcText(iso: string | null): string {
  return iso ? `${iso.slice(0, 19)}Z` : "never";
}
