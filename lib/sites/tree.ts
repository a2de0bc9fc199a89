/**
 * The SMS hierarchy as the Sites list shows it: each site after its parent, children by code,
 * with its depth. A site whose parent is missing, or a loop of parents, starts a tree of its own,
 * so every site is listed exactly once.
 */
export function sitesInTreeOrder<T extends { code: string; parentCode: string | null }>(sites: readonly T[]): { site: T; depth: number }[] {
  const byCode = new Map(sites.map((site) => [site.code, site]));
  const childrenOf = new Map<string, T[]>();
  for (const site of sites) {
    if (site.parentCode && byCode.has(site.parentCode) && site.parentCode !== site.code) childrenOf.set(site.parentCode, [...(childrenOf.get(site.parentCode) ?? []), site]);
  }
  const ordered: { site: T; depth: number }[] = [];
  const placed = new Set<string>();
  const visit = (site: T, depth: number) => {
    if (placed.has(site.code)) return;
    placed.add(site.code);
    ordered.push({ site, depth });
    for (const child of [...(childrenOf.get(site.code) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) visit(child, depth + 1);
  };
  const byCodeOrder = [...sites].sort((a, b) => a.code.localeCompare(b.code));
  for (const site of byCodeOrder) if (!site.parentCode || !byCode.has(site.parentCode) || site.parentCode === site.code) visit(site, 0);
  // Whatever is left sits in a loop of parents: list it from its lowest code.
  for (const site of byCodeOrder) visit(site, 0);
  return ordered;
}
