/**
 * A condition as the CLI takes it: "[AND|OR] ATTRIBUTE OPERATOR VALUE", e.g. "OR siteCode IS BPC"
 * (the value is the rest of the text, so it may hold spaces). Returns the raw parts for
 * queryConditionSchema to judge; a text with too few parts keeps what it has, and the schema names
 * what is missing.
 */
export function parseConditionText(text: string): Record<string, string> {
  const words = text.trim().split(/\s+/);
  const joiner = /^(AND|OR)$/i.test(words[0] ?? "") ? words.shift()!.toUpperCase() : "AND";
  const [attribute, operator, ...value] = words;
  return {
    joiner,
    ...(attribute ? { attribute } : {}),
    ...(operator ? { operator: operator.toUpperCase() } : {}),
    ...(value.length ? { value: value.join(" ") } : {}),
  };
}

/** The condition back as the CLI writes it, for `sms query show`. */
export function formatConditionText(condition: { joiner: string; attribute: string; operator: string; value: string }, isFirst: boolean): string {
  return `${isFirst ? "" : `${condition.joiner} `}${condition.attribute} ${condition.operator} ${condition.value}`;
}
