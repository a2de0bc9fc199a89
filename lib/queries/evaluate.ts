import type { Platform } from "../platforms";
import { QUERY_ATTRIBUTES, QUERY_OPERATOR_LABELS, type PcmServiceState, type QueryAttribute, type QueryCondition } from "./schema";

/** What a query looks at of a computer in inventory (the Computer model's columns, the logon server by name). */
export interface QueryComputer {
  smsId: string;
  name: string;
  siteCode: string;
  platform: Platform;
  osVersion: string;
  logonServer: string | null;
  ntDomain: string | null;
  pcmVariant: string;
  isPcmServiceInstalled: boolean;
  isPcmServiceRunning: boolean;
  pcmServiceStartType: string | null;
  pcmServiceFileDate: string | null;
  smsClientVersion: string;
  smsClientServicePack: number;
  networkLink: string;
  lastInventoryAt: string | null;
}

export function pcmServiceStateOf(computer: Pick<QueryComputer, "isPcmServiceInstalled" | "isPcmServiceRunning">): PcmServiceState {
  if (!computer.isPcmServiceInstalled) return "NOT_INSTALLED";
  return computer.isPcmServiceRunning ? "RUNNING" : "STOPPED";
}

/** The attribute's value on the computer; null when inventory does not record one. */
function valueOf(attribute: QueryAttribute, computer: QueryComputer): string | null {
  switch (attribute) {
    case "pcmServiceState":
      return pcmServiceStateOf(computer);
    case "smsClientServicePack":
      return String(computer.smsClientServicePack);
    case "lastInventoryDate":
      return computer.lastInventoryAt?.slice(0, 10) ?? null;
    default:
      return computer[attribute];
  }
}

/** SMS query patterns: * any run of characters, ? one character, case-insensitive as NetBIOS names are. */
export function matchesPattern(pattern: string, value: string): boolean {
  // A linear wildcard match, never a backtracking regular expression: "*****…!" against a name
  // took seconds per computer that way, and a saved query runs on every list of jobs.
  const wanted = [...pattern.toLowerCase()];
  const text = [...value.toLowerCase()];
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    if (p < wanted.length && (wanted[p] === "?" || wanted[p] === text[t])) {
      p += 1;
      t += 1;
    } else if (p < wanted.length && wanted[p] === "*") {
      star = p;
      starText = t;
      p += 1;
    } else if (star !== -1) {
      // The last * takes one more character; everything before it stays matched.
      p = star + 1;
      starText += 1;
      t = starText;
    } else {
      return false;
    }
  }
  while (p < wanted.length && wanted[p] === "*") p += 1;
  return p === wanted.length;
}

/** Negative, zero or positive as `value` sorts before, with or after `wanted`. */
function compare(attribute: QueryAttribute, value: string, wanted: string): number {
  const kind = QUERY_ATTRIBUTES[attribute].kind;
  if (kind === "number") return Number(value) - Number(wanted);
  if (kind === "version") {
    // "3.51" is before "4.0"; a part that is not a number sorts as 0, so free-form OS versions still compare.
    const left = value.split(".").map((part) => Number.parseInt(part, 10) || 0);
    const right = wanted.split(".").map((part) => Number.parseInt(part, 10) || 0);
    for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  }
  if (kind === "date") return value < wanted ? -1 : value > wanted ? 1 : 0;
  const upperValue = value.toUpperCase();
  const upperWanted = wanted.toUpperCase();
  return upperValue < upperWanted ? -1 : upperValue > upperWanted ? 1 : 0;
}

/**
 * One condition on one computer. A value inventory does not record (no logon server, no last
 * inventory) matches no positive test and every negative one: "is not" and "is not like" hold.
 */
export function evaluateCondition(condition: Pick<QueryCondition, "attribute" | "operator" | "value">, computer: QueryComputer): boolean {
  const value = valueOf(condition.attribute, computer);
  const isNegative = condition.operator === "IS_NOT" || condition.operator === "NOT_LIKE";
  if (value === null) return isNegative;
  switch (condition.operator) {
    case "IS":
      return compare(condition.attribute, value, condition.value) === 0;
    case "IS_NOT":
      return compare(condition.attribute, value, condition.value) !== 0;
    case "LIKE":
      return matchesPattern(condition.value, value);
    case "NOT_LIKE":
      return !matchesPattern(condition.value, value);
    case "LESS_THAN":
      return compare(condition.attribute, value, condition.value) < 0;
    case "AT_MOST":
      return compare(condition.attribute, value, condition.value) <= 0;
    case "AT_LEAST":
      return compare(condition.attribute, value, condition.value) >= 0;
    case "GREATER_THAN":
      return compare(condition.attribute, value, condition.value) > 0;
  }
}

/**
 * The conditions as OR-ed groups of AND-ed conditions: AND binds tighter than OR, as in SMS 1.2's
 * query expressions, so "A AND B OR C" is "(A AND B) OR C". The first condition's joiner is ignored.
 */
export function groupConditions<T extends Pick<QueryCondition, "joiner">>(conditions: readonly T[]): T[][] {
  const groups: T[][] = [];
  conditions.forEach((condition, index) => {
    if (index === 0 || condition.joiner === "OR") groups.push([condition]);
    else groups[groups.length - 1]!.push(condition);
  });
  return groups;
}

/** Whether a computer is in the query's result. A query with no conditions matches every computer. */
export function evaluateQuery(query: { conditions: readonly QueryCondition[] }, computer: QueryComputer): boolean {
  if (query.conditions.length === 0) return true;
  return groupConditions(query.conditions).some((group) => group.every((condition) => evaluateCondition(condition, computer)));
}

function describeValue(condition: Pick<QueryCondition, "attribute" | "value">): string {
  const attribute = QUERY_ATTRIBUTES[condition.attribute];
  if ("choices" in attribute) {
    const choice = attribute.choices.find(([value]) => value === condition.value);
    if (choice) return choice[1];
  }
  return condition.value;
}

export function describeCondition(condition: Pick<QueryCondition, "attribute" | "operator" | "value">): string {
  return `${QUERY_ATTRIBUTES[condition.attribute].label} ${QUERY_OPERATOR_LABELS[condition.operator]} ${describeValue(condition)}`;
}

/** The query in words: "Platform is Windows NT (x86) and Site is BPC, or PCM service state is Running". */
export function describeQuery(query: { conditions: readonly QueryCondition[] }): string {
  if (query.conditions.length === 0) return "Every computer in inventory";
  return groupConditions(query.conditions)
    .map((group) => group.map(describeCondition).join(" and "))
    .join(", or ");
}
