import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getJob, loadJobFormChoices } from "@/lib/data/jobs/jobs";
import { currentWallClock } from "@/lib/wall-clock";
import { updateJobAction } from "../../actions";
import { jobToFormValues } from "../../form-values";
import { JobForm } from "../../job-form";
import { requirePermission } from "../../../access";

export default async function EditJobPage({ params }: PageProps<"/jobs/[jobId]/edit">) {
  await requirePermission("jobs:write");
  const { jobId } = await params;
  const [job, choices] = await Promise.all([getJob(jobId), loadJobFormChoices()]);
  if (!job) notFound();
  if (job.storedState !== "PENDING") {
    return (
      <>
        <PageHeader title={`Job ${job.jobId}`} />
        <p className="text-sm">This job was sent and its definition is frozen; only Pending jobs can be edited.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Edit job ${job.jobId}`} />
      <JobForm action={updateJobAction.bind(null, job.jobId)} initialValues={jobToFormValues(job)} choices={choices} now={currentWallClock()} isNew={false} cancelHref={`/jobs/${job.jobId}`} />
    </>
  );
}
