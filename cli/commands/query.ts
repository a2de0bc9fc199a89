import { parseArgs } from "node:util";
import { createQuery, getQuery, listQueries, listQueryResult } from "@/lib/data/inventory/queries";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatConditionText, parseConditionText } from "@/lib/queries/condition-text";
import { QUERY_ATTRIBUTE_NAMES, QUERY_OPERATORS, queryInputSchema } from "@/lib/queries/schema";
import { formatIssuePath } from "@/lib/site-document/references";
import { UsageError, type Command } from "../command";
import { formatCount } from "../output";

const USAGE = `Usage: sms query COMMAND ...

  sms query list [--json]
  sms query show NAME [--json]            its conditions and the computers that match now
  sms query create --name NAME [--comment TEXT] --condition "ATTRIBUTE OPERATOR VALUE"
                   [--condition "AND|OR ATTRIBUTE OPERATOR VALUE" ...]

A query is a saved list of conditions on inventory, as in SMS 1.2: each condition joins the one
before with AND or OR, and AND binds tighter, so "A AND B OR C" is "(A and B) or C". A job
targets one with "sms job create ... --query-name NAME"; a machine group can take its members
from one.

ATTRIBUTE is one of ${QUERY_ATTRIBUTE_NAMES.join(", ")}.
OPERATOR is one of ${QUERY_OPERATORS.join(", ")}; LIKE patterns use * and ?.
Example: --condition "platform IS WIN32_X86" --condition "AND siteCode IS BPC"`;

const options = {
  name: { type: "string" },
  comment: { type: "string" },
  condition: { type: "string", multiple: true },
  json: { type: "boolean" },
} as const;

async function queryIdByName(name: string): Promise<number> {
  const row = await db.inventoryQuery.findUnique({ where: { name }, select: { id: true } });
  if (!row) throw new DomainError("not_found", `No query is named "${name}"`);
  return row.id;
}

export const queryCommand: Command = {
  name: "query",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
    switch (verb) {
      case "list": {
        const queries = await listQueries();
        if (values.json) console.log(JSON.stringify(queries, null, 2));
        else if (queries.length === 0) console.log('No queries yet; create one with "sms query create ...".');
        else for (const query of queries) console.log(`${query.name}: ${query.description}`);
        return 0;
      }
      case "show": {
        if (positionals.length !== 1) throw new UsageError("query show needs the query's NAME");
        const query = await getQuery(await queryIdByName(positionals[0]!));
        const result = await listQueryResult({ id: query!.id, page: 1 });
        if (values.json) {
          console.log(JSON.stringify({ ...query, matchingCount: result!.total, firstMatches: result!.items }, null, 2));
          return 0;
        }
        console.log(`${query!.name}${query!.comment ? ` (${query!.comment})` : ""}`);
        console.log(`  ${query!.description}`);
        query!.conditions.forEach((condition, index) => console.log(`  --condition "${formatConditionText(condition, index === 0)}"`));
        console.log(`Matching computers now: ${formatCount(result!.total)}`);
        for (const computer of result!.items) console.log(`  ${computer.smsId}  ${computer.siteCode}  ${computer.platform.padEnd(11)}  ${computer.name}`);
        if (result!.total > result!.items.length) console.log(`  and ${formatCount(result!.total - result!.items.length)} more`);
        return 0;
      }
      case "create": {
        if (positionals.length > 0) throw new UsageError(`query create takes options only (got "${positionals[0]}")`);
        if (!values.name || !values.condition?.length) throw new UsageError('query create needs --name NAME and at least one --condition "ATTRIBUTE OPERATOR VALUE"');
        const parsed = queryInputSchema.safeParse({ name: values.name, comment: values.comment ?? "", conditions: values.condition.map(parseConditionText) });
        if (!parsed.success) throw new DomainError("invalid", "The query is not valid", parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path) || "query", message: issue.message })));
        const id = await createQuery({ input: parsed.data });
        const query = await getQuery(id);
        console.log(`Created query ${parsed.data.name}: ${query!.description}.`);
        return 0;
      }
      default:
        throw new UsageError(verb ? `unknown query command "${verb}"; run "sms query --help"` : 'query needs a command; run "sms query --help"');
    }
  },
};
