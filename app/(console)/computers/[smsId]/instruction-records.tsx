import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import type { ComputerInstructions } from "@/lib/data/instruction-box/instructions";
import { OFFER_STATUS_LABELS } from "@/lib/jobs/instructions";

/** The jobs sent to a client, where each offer stands, and the records its instruction file holds. */
export function InstructionRecords({ instructions, now }: { instructions: ComputerInstructions; now: string }) {
  return (
    <>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Jobs sent to this computer</h2>
      <Table aria-label="Jobs sent to this computer">
        <thead>
          <tr>
            <Th>Job</Th>
            <Th>Package</Th>
            <Th>Offer</Th>
            <Th>Since</Th>
            <Th>Until</Th>
          </tr>
        </thead>
        <tbody>
          {instructions.jobs.length === 0 && <EmptyRow colSpan={5}>No job has been sent to this computer.</EmptyRow>}
          {instructions.jobs.map((job) => (
            <tr key={job.jobId}>
              <Td className="font-mono">
                <Link href={`/jobs/${job.jobId}`}>{job.jobId}</Link>
              </Td>
              <Td>{job.package.name}</Td>
              <Td>{OFFER_STATUS_LABELS[job.offer.status]}</Td>
              <Td>
                <WallClockTime value={job.offer.since} now={now} />
              </Td>
              <Td>
                <WallClockTime value={job.offer.until} now={now} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="mt-8 mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Instruction records ({instructions.smsId}.INS)</h2>
        <a href={`/computers/${instructions.smsId}/instructions`} className="text-sm">
          As JSON
        </a>
      </div>
      <Table aria-label="Instruction records">
        <thead>
          <tr>
            <Th>Request</Th>
            <Th>Package</Th>
            <Th>Job</Th>
            <Th>WCL Name / Run Command</Th>
            <Th>Display</Th>
            <Th>Install By</Th>
            <Th>Expiration</Th>
            <Th className="text-right">Flags</Th>
            <Th className="text-right">OS</Th>
            <Th>Servers</Th>
          </tr>
        </thead>
        <tbody>
          {instructions.records.length === 0 && <EmptyRow colSpan={10}>No instruction file: no active job offers this computer a package.</EmptyRow>}
          {instructions.records.map((record) => (
            <tr key={record.requestId}>
              <Td className="font-mono">{record.requestId}</Td>
              <Td className="font-mono">{record.packageId}</Td>
              <Td className="font-mono">{record.jobId}</Td>
              <Td>
                {record.wclName}
                <div className="font-mono text-xs text-slate-600">{record.runCommand}</div>
              </Td>
              <Td>{record.displayDate ? <WallClockTime value={record.displayDate} now={now} /> : "—"}</Td>
              <Td>{record.installByFull ? <WallClockTime value={record.installByDate} now={now} /> : "Optional"}</Td>
              <Td>{record.expirationFull ? <WallClockTime value={record.expirationDate} now={now} /> : "Never"}</Td>
              <Td className="text-right font-mono text-xs" title="Install Flag / User Input Flags">
                {record.installFlag}/{record.userInputFlags}
              </Td>
              <Td className="text-right font-mono">{record.operatingSystem}</Td>
              <Td className="min-w-64 font-mono text-xs">
                {record.servers.map((server) => (
                  <div key={server.path} className="whitespace-nowrap">
                    {server.path} ({server.type})
                  </div>
                ))}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
