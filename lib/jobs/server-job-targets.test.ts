import { describe, expect, it } from "vitest";
import { planServerJobTargets, type ServerJobPlanInput } from "./server-job-targets";

const servers = [
  { serverName: "CNS-SMS", siteCode: "BPC", packageDirectory: "\\\\CNS-SMS\\SMS_PKGD\\BPC00021\\" },
  { serverName: "GONE", siteCode: null, packageDirectory: "\\\\GONE\\SMS_PKGD\\BPC00021\\" },
];
const share: ServerJobPlanInput = { jobType: "SHARE_PACKAGE_ON_SERVER", isSendPhase: true, evenIfPreviouslySent: false, sharing: { shareName: "OFF95", access: "READ" } };

describe("planServerJobTargets", () => {
  it("says what a Share job's Send and Distribute phases do on each server", () => {
    const [cns, gone] = planServerJobTargets(share, servers);
    expect(cns).toEqual({
      ...servers[0],
      send: "Sends the compressed package to site BPC",
      distribute: "Puts the package in \\\\CNS-SMS\\SMS_PKGD\\BPC00021\\ and shares it as \\\\CNS-SMS\\OFF95 (Read access)",
    });
    expect(gone!.send).toBe("Sends the compressed package to the server's site (the server is no longer in the site document)");
  });

  it("names a send that compresses again, and a job without a Send phase", () => {
    expect(planServerJobTargets({ ...share, evenIfPreviouslySent: true }, servers)[0]!.send).toBe("Sends the compressed package to site BPC, compressed again even if previously sent");
    expect(planServerJobTargets({ ...share, isSendPhase: false }, servers)[0]!.send).toBe("No Send phase: uses what site BPC already has");
  });

  it("says a Share job without a Sharing set is refused", () => {
    expect(planServerJobTargets({ ...share, sharing: null }, servers)[0]!.distribute).toBe("Puts the package in \\\\CNS-SMS\\SMS_PKGD\\BPC00021\\; the package has no Sharing set, so the review refuses the job");
  });

  it("says what a Remove job removes, with the share when the package has one", () => {
    const remove: ServerJobPlanInput = { ...share, jobType: "REMOVE_PACKAGE_FROM_SERVER" };
    expect(planServerJobTargets(remove, servers)[0]).toMatchObject({ send: "Sends the removal to site BPC", distribute: "Removes the package from \\\\CNS-SMS\\SMS_PKGD\\BPC00021\\ and its share \\\\CNS-SMS\\OFF95" });
    expect(planServerJobTargets({ ...remove, sharing: null }, servers)[0]!.distribute).toBe("Removes the package from \\\\CNS-SMS\\SMS_PKGD\\BPC00021\\");
  });

  it("plans nothing for no servers", () => {
    expect(planServerJobTargets(share, [])).toEqual([]);
  });
});
