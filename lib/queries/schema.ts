import { z } from "zod";
import { NETWORK_LINKS, PCM_SERVICE_START_TYPES } from "../computers/schema";
import { PCM_VARIANTS, PLATFORM_LABELS, PLATFORMS } from "../platforms";
import { oneOf, requiredText, text } from "../schema-fields";
import { SMS_VERSIONS } from "../sites/schema";

/**
 * An SMS 1.2-style query over inventory: a flat list of conditions, each joined to the one before
 * by AND or OR, AND binding tighter than OR (docs/decisions/014-queries.md).
 */

/** What a PCM service state condition compares: installed or not, and running or not. */
export const PCM_SERVICE_STATES = ["NOT_INSTALLED", "STOPPED", "RUNNING"] as const;
export type PcmServiceState = (typeof PCM_SERVICE_STATES)[number];

/** How an attribute's values compare: free text (with * and ? patterns), a fixed choice, or an ordered value. */
export type AttributeKind = "text" | "choice" | "version" | "number" | "date";

interface AttributeDefinition {
  label: string;
  kind: AttributeKind;
  /** The values of a choice attribute, with their labels. */
  choices?: readonly (readonly [string, string])[];
  /** What a value of this attribute looks like, for the form's hint and the refusal. */
  example: string;
}

const choices = (values: readonly string[], labels: Partial<Record<string, string>> = {}) => values.map((value) => [value, labels[value] ?? value] as const);

export const QUERY_ATTRIBUTES = {
  name: { label: "Computer name", kind: "text", example: "MDM-WKS-* (* any characters, ? one)" },
  smsId: { label: "SMS ID", kind: "text", example: "BPC* (* any characters, ? one)" },
  platform: { label: "Platform", kind: "choice", choices: choices(PLATFORMS, PLATFORM_LABELS), example: "WIN32_X86" },
  osVersion: { label: "OS version", kind: "version", example: "4.0" },
  siteCode: { label: "Site", kind: "text", example: "BPC" },
  logonServer: { label: "Logon server", kind: "text", example: "CNS-SMS" },
  ntDomain: { label: "NT domain", kind: "text", example: "CORP" },
  pcmVariant: { label: "PCM variant", kind: "choice", choices: choices(PCM_VARIANTS), example: "PCMWIN32" },
  pcmServiceState: {
    label: "PCM service state",
    kind: "choice",
    choices: choices(PCM_SERVICE_STATES, { NOT_INSTALLED: "Not installed", STOPPED: "Installed, not running", RUNNING: "Running" }),
    example: "RUNNING",
  },
  pcmServiceStartType: { label: "PCM service start type", kind: "choice", choices: choices(PCM_SERVICE_START_TYPES, { AUTOMATIC: "Automatic", MANUAL: "Manual", DISABLED: "Disabled" }), example: "AUTOMATIC" },
  pcmServiceFileDate: { label: "PCM service version (Pcmsvc32.exe file date)", kind: "date", example: "1998-11-20" },
  smsClientVersion: { label: "SMS client version", kind: "version", choices: choices(SMS_VERSIONS), example: "1.2" },
  smsClientServicePack: { label: "SMS client service pack", kind: "number", example: "4" },
  networkLink: { label: "Network link", kind: "choice", choices: choices(NETWORK_LINKS, { FAST: "Fast", SLOW: "Slow" }), example: "FAST" },
  lastInventoryDate: { label: "Last inventory date", kind: "date", example: "2026-11-30" },
} as const satisfies Record<string, AttributeDefinition>;

export type QueryAttribute = keyof typeof QUERY_ATTRIBUTES;
export const QUERY_ATTRIBUTE_NAMES = Object.keys(QUERY_ATTRIBUTES) as [QueryAttribute, ...QueryAttribute[]];

export const QUERY_OPERATORS = ["IS", "IS_NOT", "LIKE", "NOT_LIKE", "LESS_THAN", "AT_MOST", "AT_LEAST", "GREATER_THAN"] as const;
export type QueryOperator = (typeof QUERY_OPERATORS)[number];
export const QUERY_OPERATOR_LABELS: Record<QueryOperator, string> = {
  IS: "is",
  IS_NOT: "is not",
  LIKE: "is like",
  NOT_LIKE: "is not like",
  LESS_THAN: "is less than",
  AT_MOST: "is at most",
  AT_LEAST: "is at least",
  GREATER_THAN: "is greater than",
};

const ORDERED_OPERATORS: readonly QueryOperator[] = ["IS", "IS_NOT", "LESS_THAN", "AT_MOST", "AT_LEAST", "GREATER_THAN"];
/** The operators that make sense for each kind of attribute. */
export const OPERATORS_OF_KIND: Record<AttributeKind, readonly QueryOperator[]> = {
  text: ["IS", "IS_NOT", "LIKE", "NOT_LIKE"],
  choice: ["IS", "IS_NOT"],
  version: ORDERED_OPERATORS,
  number: ORDERED_OPERATORS,
  date: ORDERED_OPERATORS,
};

export const QUERY_JOINERS = ["AND", "OR"] as const;
export type QueryJoiner = (typeof QUERY_JOINERS)[number];
export const MAX_QUERY_CONDITIONS = 20;

const VALUE_PATTERNS: Partial<Record<AttributeKind, [RegExp, string]>> = {
  version: [/^\d{1,5}(\.\d{1,5}){0,3}$/, "a version such as 3.51 or 4.0"],
  number: [/^\d{1,3}$/, "a whole number such as 3"],
  date: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a date YYYY-MM-DD"],
};

export const queryConditionSchema = z
  .object({
    joiner: oneOf("Joiner", QUERY_JOINERS).default("AND"),
    attribute: oneOf("Attribute", QUERY_ATTRIBUTE_NAMES),
    operator: oneOf("Operator", QUERY_OPERATORS),
    value: requiredText("Value", 100),
  })
  .superRefine((condition, context) => {
    const attribute: AttributeDefinition = QUERY_ATTRIBUTES[condition.attribute];
    if (!OPERATORS_OF_KIND[attribute.kind].includes(condition.operator)) {
      const allowed = OPERATORS_OF_KIND[attribute.kind].map((operator) => QUERY_OPERATOR_LABELS[operator]).join(", ");
      context.addIssue({ code: "custom", path: ["operator"], message: `${attribute.label} can be compared with: ${allowed}` });
      return;
    }
    if (attribute.choices && !attribute.choices.some(([value]) => value === condition.value)) {
      context.addIssue({ code: "custom", path: ["value"], message: `${attribute.label} must be one of ${attribute.choices.map(([value]) => value).join(", ")}` });
    }
    const pattern = VALUE_PATTERNS[attribute.kind];
    if (pattern && !pattern[0].test(condition.value)) context.addIssue({ code: "custom", path: ["value"], message: `${attribute.label} must be ${pattern[1]}` });
  });

export type QueryCondition = z.infer<typeof queryConditionSchema>;

export const queryConditionsSchema = z
  .array(queryConditionSchema, { error: "Conditions must be a list" })
  .min(1, { error: "Add at least one condition" })
  .max(MAX_QUERY_CONDITIONS, { error: `A query has at most ${MAX_QUERY_CONDITIONS} conditions` });

/** A saved query: a name, a comment and its conditions. */
export const queryInputSchema = z.object({
  name: requiredText("Query name", 50),
  comment: text("Comment", 255),
  conditions: queryConditionsSchema,
});

export type QueryInput = z.infer<typeof queryInputSchema>;
