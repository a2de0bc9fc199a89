import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { ServerJobTargets } from "@/lib/data/job-status/job-status";
import { JOB_TYPE_LABELS } from "@/lib/jobs/schema";

const SOURCE_TEXT: Record<ServerJobTargets["source"], string> = {
  frozen: "The servers were frozen when the job was sent.",
  now: "The servers the job's target names now; they are frozen when the job is sent.",
  "never sent": "The job was never sent, so it acted on no server.",
};

/** A Share or Remove job's servers and what its Send and Distribute phases do on each. */
export function ServerJobTargetsSection({ targets }: { targets: ServerJobTargets }) {
  const label = JOB_TYPE_LABELS[targets.jobType];
  return (
    <section aria-labelledby="server-job-targets" className="mb-6">
      <h2 id="server-job-targets" className="mb-2 text-lg font-semibold">
        Target servers
      </h2>
      <p className="mb-2 text-sm text-slate-700">
        A {label} job acts on servers, with Send and Distribute phases only: it has no workstation targets, writes no instruction record, and no client runs it or reports status for it. {SOURCE_TEXT[targets.source]}
      </p>
      <Table aria-label="Target servers">
        <thead>
          <tr>
            <Th>Server</Th>
            <Th>Site</Th>
            <Th>Send phase</Th>
            <Th>Distribute phase</Th>
          </tr>
        </thead>
        <tbody>
          {targets.rows.length === 0 && <EmptyRow colSpan={4}>{targets.source === "now" ? "The target names no server yet: Send would refuse the job (event 323)." : "No servers."}</EmptyRow>}
          {targets.rows.map((row) => (
            <tr key={row.serverName}>
              <Td className="font-mono">{row.serverName}</Td>
              <Td className="font-mono">{row.siteCode ?? "—"}</Td>
              <Td className="text-sm">{row.send}</Td>
              <Td className="text-sm">{row.distribute}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
