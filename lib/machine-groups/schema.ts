import { z } from "zod";
import { smsIdSchema } from "../computers/schema";
import { netbiosNameSchema } from "../servers/schema";
import { optional, requiredText, text } from "../schema-fields";

/** A machine group: computers to target, and servers for a Distribute phase's server group (Q235157). */
export const machineGroupInputSchema = z
  .object({
    name: requiredText("Machine group name", 50),
    comment: text("Comment", 255),
    members: z.array(smsIdSchema("Member SMS ID")).default([]),
    // A dynamic group (MECM's query rule): its computers are this saved query's result, by name.
    query: optional(requiredText("Query", 50)),
    servers: z.array(netbiosNameSchema("Server")).default([]),
  })
  .superRefine((group, context) => {
    reportDuplicates(group.members, ["members"], "is listed twice", context);
    if (group.query !== undefined && group.members.length > 0) {
      context.addIssue({ code: "custom", path: ["members"], message: "A group whose computers come from a query lists no member computers; clear the list or the query" });
    }
    reportDuplicates(group.servers, ["servers"], "is listed twice", context);
  });

export type MachineGroupInput = z.infer<typeof machineGroupInputSchema>;

export function reportDuplicates(values: readonly string[], path: (string | number)[], problem: string, context: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) context.addIssue({ code: "custom", path: [...path, index], message: `${value} ${problem}` });
    seen.add(value);
  });
}
