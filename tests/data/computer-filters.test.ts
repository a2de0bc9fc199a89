import { beforeEach, describe, expect, it } from "vitest";
import { listComputers } from "@/lib/data/inventory/computers";
import { db } from "@/lib/db";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { resetDatabase } from "../support/reset-database";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("the computers filter by PCM service", () => {
  it("tells computers without the service, with it stopped and with it running apart", async () => {
    await db.computer.update({ where: { smsId: "MDM00005" }, data: { isPcmServiceInstalled: true, isPcmServiceRunning: false } });
    const all = await db.computer.findMany({ select: { smsId: true, isPcmServiceInstalled: true, isPcmServiceRunning: true }, orderBy: { smsId: "asc" } });
    const listed = async (pcmService: "none" | "stopped" | "running") => (await listComputers({ pcmService, page: 1 })).items.map((computer) => computer.smsId).sort();
    expect(await listed("none")).toEqual(all.filter((computer) => !computer.isPcmServiceInstalled).map((computer) => computer.smsId));
    expect(await listed("stopped")).toEqual(all.filter((computer) => computer.isPcmServiceInstalled && !computer.isPcmServiceRunning).map((computer) => computer.smsId));
    expect(await listed("stopped")).toContain("MDM00005");
    expect(await listed("running")).toEqual(all.filter((computer) => computer.isPcmServiceInstalled && computer.isPcmServiceRunning).map((computer) => computer.smsId));
  });
});
