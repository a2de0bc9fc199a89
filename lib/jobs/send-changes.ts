import type { DiffLine } from "../text-diff";

/**
 * The send preview's changes (issue 15, item 11): 500 targets whose instruction files change the
 * same way are one change with 500 targets, not 500 dumps to scroll. Pure: the data layer gives each
 * target's dump diff, this groups them.
 */

/** Targets whose dumps were compared as one: the same site and the same jobs give the same file. */
export interface TargetDiff {
  smsIds: string[];
  /** The first target's instruction file name, as `diff` prints it (the one line that differs between targets). */
  fileName: string;
  diff: DiffLine[];
}

export interface ChangeGroup {
  /** The targets whose files change exactly this way, by SMS ID. */
  smsIds: string[];
  /** The change as it reads for the first of them. */
  shownFor: string;
  diff: DiffLine[];
  addedLines: number;
  removedLines: number;
  /** False for the targets whose file Send leaves as it is. */
  isChange: boolean;
}

const FILE_NAME_PLACEHOLDER = "\u0000file\u0000";

function keyOf(target: TargetDiff): string {
  const ownName = target.fileName.toLowerCase();
  return target.diff
    .filter((line) => line.kind !== "same")
    .map((line) => `${line.kind === "added" ? "+" : "-"}${line.text.split(ownName).join(FILE_NAME_PLACEHOLDER)}`)
    .join("\n");
}

/**
 * Targets grouped by identical change (their own file name aside): changes first, the most targets
 * first, then the targets that do not change. SMS IDs are sorted within a group.
 */
export function groupTargetChanges(targets: readonly TargetDiff[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const target of targets) {
    const key = keyOf(target);
    const group = groups.get(key);
    if (group) {
      group.smsIds.push(...target.smsIds);
      continue;
    }
    const addedLines = target.diff.filter((line) => line.kind === "added").length;
    const removedLines = target.diff.filter((line) => line.kind === "removed").length;
    groups.set(key, { smsIds: [...target.smsIds], shownFor: target.smsIds[0] as string, diff: target.diff, addedLines, removedLines, isChange: addedLines + removedLines > 0 });
  }
  for (const group of groups.values()) group.smsIds.sort();
  return [...groups.values()].sort((a, b) => Number(b.isChange) - Number(a.isChange) || b.smsIds.length - a.smsIds.length || a.shownFor.localeCompare(b.shownFor));
}

export type FoldedDiffLine = DiffLine | { kind: "fold"; count: number };

/** A diff with unchanged stretches folded to `context` lines either side of a change. */
export function foldUnchangedLines(diff: readonly DiffLine[], context = 2): FoldedDiffLine[] {
  const isNearChange = diff.map(() => false);
  diff.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let near = Math.max(0, index - context); near <= Math.min(diff.length - 1, index + context); near += 1) isNearChange[near] = true;
  });
  const folded: FoldedDiffLine[] = [];
  for (const [index, line] of diff.entries()) {
    if (isNearChange[index]) {
      folded.push(line);
      continue;
    }
    const last = folded.at(-1);
    if (last?.kind === "fold") last.count += 1;
    else folded.push({ kind: "fold", count: 1 });
  }
  return folded;
}
