import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { AUDIT_OUTCOMES, auditFilterParams, auditFiltersInput, auditFiltersSchema, type AuditFilters } from "@/lib/audit/filters";
import { listAuditChoices, searchAuditEvents } from "@/lib/data/audit/audit-search";
import { pageNumberSchema } from "@/lib/schema-fields";
import { requirePermission } from "@/app/(console)/access";
import { AuditChange } from "./audit-change";
import { formatUtcInstant } from "@/lib/wall-clock-format";
import { auditObjectHref } from "@/lib/audit/object-href";

export const metadata = { title: "Audit trail" };

const NO_FILTERS: AuditFilters = { user: "", objectType: "", objectId: "", action: "", outcome: undefined, from: undefined, to: undefined };

const OUTCOME_TONES = { success: "good", failure: "warn", refused: "bad" } as const;

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  await requirePermission("audit:read");
  const query = await searchParams;
  const input = auditFiltersInput(query);
  const parsed = auditFiltersSchema.safeParse(input);
  const filters = parsed.success ? parsed.data : NO_FILTERS;
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const page = pageNumberSchema.parse(query.page);
  const [events, choices] = await Promise.all([searchAuditEvents({ filters, page }), listAuditChoices()]);
  const params = auditFilterParams(filters);
  const hrefFor = (target: number) => `/audit?${new URLSearchParams({ ...params, page: String(target) })}`;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, sign-in and refusal, newest first. Times are UTC."
        actions={<ButtonLink href={`/audit/export?${new URLSearchParams(params)}`} prefetch={false}>Export CSV</ButtonLink>}
      />
      <form role="search" className="mb-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <input name="user" type="search" defaultValue={input.user ?? ""} placeholder="User (name contains)" aria-label="User" className={inputClass} />
        <select name="objectType" defaultValue={input.objectType ?? ""} aria-label="Object type" className={inputClass}>
          <option value="">All object types</option>
          {choices.objectTypes.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <input name="objectId" defaultValue={input.objectId ?? ""} placeholder="Object ID" aria-label="Object ID" className={inputClass} />
        <input name="action" list="audit-actions" defaultValue={input.action ?? ""} placeholder="Action (job. for all)" aria-label="Action" className={inputClass} />
        <datalist id="audit-actions">
          {choices.actions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <select name="outcome" defaultValue={input.outcome ?? ""} aria-label="Outcome" className={inputClass}>
          <option value="">All outcomes</option>
          {AUDIT_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <input name="from" defaultValue={input.from ?? ""} placeholder="From (UTC date)" aria-label="From (UTC, YYYY-MM-DD or YYYY-MM-DDTHH:MM)" className={inputClass} />
        <input name="to" defaultValue={input.to ?? ""} placeholder="To (UTC date)" aria-label="To (UTC, YYYY-MM-DD or YYYY-MM-DDTHH:MM)" className={inputClass} />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 text-sm">
          Search
        </button>
      </form>
      {problems.length > 0 && (
        <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problems.join("; ")}. Showing the whole trail.
        </p>
      )}
      <Table>
        <thead>
          <tr>
            <Th>Time (UTC)</Th>
            <Th>User</Th>
            <Th>Address</Th>
            <Th>Action</Th>
            <Th>Outcome</Th>
            <Th>Object</Th>
            <Th>Detail</Th>
          </tr>
        </thead>
        <tbody>
          {events.items.length === 0 && <EmptyRow colSpan={7}>No audit event matches these filters.</EmptyRow>}
          {events.items.map((event) => (
            <tr key={event.id}>
              <Td className="font-mono text-xs whitespace-nowrap">{formatUtcInstant(event.at, { isLabelled: false })}</Td>
              <Td>
                {event.actorName}
                {event.actorRole && <span className="block text-xs text-slate-600">{event.actorRole}</span>}
              </Td>
              <Td className="font-mono text-xs">{event.address ?? ""}</Td>
              <Td className="font-mono text-xs">{event.action}</Td>
              <Td>
                <Badge tone={OUTCOME_TONES[event.outcome as keyof typeof OUTCOME_TONES] ?? "neutral"}>{event.outcome}</Badge>
              </Td>
              <Td className="text-xs">
                {event.objectType}
                {event.objectId && <span className="block font-mono break-all">{auditObjectHref(event.objectType, event.objectId) ? <Link href={auditObjectHref(event.objectType, event.objectId)!}>{event.objectId}</Link> : event.objectId}</span>}
              </Td>
              <Td className="text-xs">
                {event.detail}
                {event.repeats > 1 && (
                  <span className="block text-slate-600">
                    {event.repeats} times, the last at <span className="font-mono">{event.lastAt}</span>
                  </span>
                )}
                <AuditChange before={event.before} after={event.after} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={events.page} pageCount={events.pageCount} total={events.total} noun="event" hrefFor={hrefFor} />
    </>
  );
}
