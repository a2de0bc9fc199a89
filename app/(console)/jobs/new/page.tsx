import { PageHeader } from "@/components/ui/page-header";
import { loadJobFormChoices } from "@/lib/data/jobs/jobs";
import { currentWallClock } from "@/lib/wall-clock";
import { createJobAction } from "../actions";
import { JobForm } from "../job-form";
import { requirePermission } from "../../access";

export const metadata = { title: "New job" };

export default async function NewJobPage({ searchParams }: PageProps<"/jobs/new">) {
  await requirePermission("jobs:write");
  const query = await searchParams;
  const choices = await loadJobFormChoices();
  const now = currentWallClock();
  const packageId = typeof query.packageId === "string" ? query.packageId : "";
  const pkg = choices.packages.find((candidate) => candidate.packageId === packageId);
  // "New job for this query" on a query's page starts the job with that query as its target.
  const savedQuery = choices.queries.find((candidate) => String(candidate.id) === query.queryId);
  const initialValues = {
    packageId,
    siteCode: pkg?.siteCode ?? choices.sites[0]?.code ?? "",
    priority: "MEDIUM",
    target: savedQuery ? { kind: "QUERY", queryId: savedQuery.id } : { kind: "COMPUTERS" },
    sendPhase: { isEnabled: true },
    distributePhase: { putOnSpecifiedServers: true },
    runPhase: { isEnabled: true, offerAfter: now.slice(0, 16) },
  };
  return (
    <>
      <PageHeader title="New job" description="Run Command On Workstation: a job is Pending until you send it." />
      <JobForm action={createJobAction} initialValues={initialValues} choices={choices} now={now} isNew cancelHref="/jobs" />
    </>
  );
}
