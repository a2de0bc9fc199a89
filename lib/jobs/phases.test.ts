import { describe, expect, it } from "vitest";
import { describeDistributePhase, describeSendPhase } from "./phases";

const workstation = "RUN_COMMAND_ON_WORKSTATION" as const;

describe("describeDistributePhase", () => {
  it("labels a workstation job without a server group SMS's Default Servers", () => {
    expect(describeDistributePhase({ jobType: workstation, distributePhase: { putOnSpecifiedServers: true, refreshExistingServers: false } }, null)).toBe(
      "Put on Specified Distribution Servers: Default Servers (every distribution server of the target sites)",
    );
  });

  it("names the server group, and Refresh Existing Distribution Servers", () => {
    expect(describeDistributePhase({ jobType: workstation, distributePhase: { putOnSpecifiedServers: true, serverGroupId: 4, refreshExistingServers: true } }, "BPC Distribution Servers")).toBe(
      "Put on Specified Distribution Servers: server group BPC Distribution Servers; Refresh Existing Distribution Servers",
    );
    expect(describeDistributePhase({ jobType: workstation, distributePhase: { putOnSpecifiedServers: false, refreshExistingServers: true } }, null)).toBe("Refresh Existing Distribution Servers");
  });

  it("says what a job without a Distribute phase lists", () => {
    expect(describeDistributePhase({ jobType: workstation, distributePhase: { putOnSpecifiedServers: false, refreshExistingServers: false } }, null)).toBe("None (the servers already holding the package are listed)");
  });

  it("says a server job acts on its target servers", () => {
    const distributePhase = { putOnSpecifiedServers: true, refreshExistingServers: false };
    expect(describeDistributePhase({ jobType: "SHARE_PACKAGE_ON_SERVER", distributePhase }, null)).toBe("Put the package on the target servers and share it");
    expect(describeDistributePhase({ jobType: "REMOVE_PACKAGE_FROM_SERVER", distributePhase }, null)).toBe("Remove the package from the target servers");
  });
});

describe("describeSendPhase", () => {
  it.each([
    [{ isEnabled: true, evenIfPreviouslySent: false }, "Send the package to the target sites"],
    [{ isEnabled: true, evenIfPreviouslySent: true }, "Send the package to the target sites, even if previously sent"],
    [{ isEnabled: false, evenIfPreviouslySent: false }, "None (the package must already be at the target sites)"],
  ])("%j is %s", (sendPhase, text) => {
    expect(describeSendPhase({ sendPhase })).toBe(text);
  });
});
