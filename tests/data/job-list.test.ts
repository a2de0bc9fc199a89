import { beforeEach, describe, expect, it } from "vitest";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { listJobs } from "@/lib/data/jobs/jobs";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument({ ...buildDemoSiteDocument(), jobs: [] });
});

const ids = async (filters: Parameters<typeof listJobs>[0]) => (await listJobs(filters)).items.map((job) => job.jobId).sort();

describe("the jobs list's search and filters", () => {
  it("finds jobs by state (Expired apart from Active), package, site and text", async () => {
    const expired = await createJob({ input: await demoJobInput({ comment: "Office for the lab" }) });
    const active = await createJob({ input: await demoJobInput({ runPhase: { expireAfter: "2999-01-01T00:00:00" } }) });
    const pending = await createJob({ input: await demoJobInput({ packageId: "BPC00012", runPhase: { commandLineId: undefined, isEnabled: false } }) });
    await activateJob({ jobId: expired });
    await activateJob({ jobId: active });

    expect(await ids({ state: "EXPIRED", page: 1 })).toEqual([expired]);
    expect(await ids({ state: "ACTIVE", page: 1 })).toEqual([active]);
    expect(await ids({ state: "PENDING", page: 1 })).toEqual([pending]);
    expect(await ids({ packageId: "BPC00012", page: 1 })).toEqual([pending]);
    expect(await ids({ siteCode: "BPC", page: 1 })).toEqual([expired, active, pending].sort());
    expect(await ids({ siteCode: "VAQ", page: 1 })).toEqual([]);
    expect(await ids({ search: "for the LAB".toLowerCase(), page: 1 })).toEqual([expired]);
    expect(await ids({ search: pending.toLowerCase(), page: 1 })).toEqual([pending]);
    expect(await ids({ search: "Office", state: "ACTIVE", page: 1 })).toEqual([active]);
  });
});
