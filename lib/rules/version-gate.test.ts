import { describe, expect, it } from "vitest";
import type { SmsVersion } from "../sites/schema";
import { describeGate, isInGate, type VersionGate } from "./version-gate";

const beforeSp3: VersionGate = { against: "client", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 3 };
const sp3AndLater: VersionGate = { against: "client", versions: ["1.2"], fromServicePack: 3 };

describe("version gates (digest §3.16)", () => {
  it.each<[SmsVersion, number, boolean, boolean]>([
    ["1.0", 0, true, false],
    ["1.1", 0, true, false],
    ["1.2", 0, true, false],
    ["1.2", 2, true, false],
    ["1.2", 3, false, true],
    ["1.2", 4, false, true],
  ])("SMS %s SP%i: before SP3 %s, SP3 and later %s", (version, servicePack, isBefore, isAfter) => {
    expect(isInGate(version, servicePack, beforeSp3)).toBe(isBefore);
    expect(isInGate(version, servicePack, sp3AndLater)).toBe(isAfter);
  });

  it.each<[VersionGate | null, string]>([
    [null, "all versions"],
    [beforeSp3, "clients: SMS 1.0, 1.1 and 1.2 before SP3"],
    [{ against: "client", versions: ["1.2"], beforeServicePack: 2 }, "clients: SMS 1.2 before SP2"],
    [{ against: "site", versions: ["1.1", "1.2"], beforeServicePack: 4 }, "sites: SMS 1.1 and 1.2 before SP4"],
    [sp3AndLater, "clients: SMS 1.2 SP3 and later"],
    [{ against: "client", versions: ["1.2"], fromServicePack: 4 }, "clients: SMS 1.2 SP4"],
    [{ against: "site", versions: ["1.0", "1.1"] }, "sites: SMS 1.0 and 1.1"],
  ])("describes %j as %s", (gate, text) => expect(describeGate(gate)).toBe(text));
});
