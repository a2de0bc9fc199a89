import { describe, expect, it } from "vitest";
import { serverInputSchema, serverTypeName } from "./schema";

const valid = { name: "CNS-SMS", siteCode: "BPC", isLogonServer: true, isDistributionServer: true, packageShare: "\\\\CNS-SMS\\SMS_PKGD", serverType: 2, fileSystem: "NTFS", hasServicesForMacintosh: false };

function firstMessage(change: Record<string, unknown>): [string, string] | undefined {
  const issue = serverInputSchema.safeParse({ ...valid, ...change }).error?.issues[0];
  return issue && [issue.path.join("."), issue.message];
}

describe("serverInputSchema", () => {
  it("accepts the KB's servers and upper-cases the name", () => {
    expect(serverInputSchema.parse({ ...valid, name: "cnsapps1", packageShare: "\\\\CNSAPPS1\\SMS_PKGD" }).name).toBe("CNSAPPS1");
  });
  it("defaults a check box that was not sent to false", () => {
    const { isLogonServer: _omitted, ...rest } = valid;
    expect(serverInputSchema.parse(rest).isLogonServer).toBe(false);
  });
  it.each([
    ["true", true],
    ["false", false],
    ["", undefined],
    [undefined, undefined],
  ])("reads removed-from-hierarchy %j as %j (blank: not recorded)", (value, expected) => {
    expect(serverInputSchema.parse({ ...valid, isRemovedFromHierarchy: value }).isRemovedFromHierarchy).toBe(expected);
  });
  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["a 16-character name", { name: "ABCDEFGHIJKLMNOP" }, ["name", "Server name must be at most 15 characters"]],
    ["a name with a backslash", { name: "CNS\\SMS" }, ["name", 'Server name must be a NetBIOS name: up to 15 characters, no \\ / : * ? " < > | , ; = + [ ]']],
    ["a share without a server", { packageShare: "SMS_PKGD" }, ["packageShare", "Package share must be a UNC path like \\\\SERVER\\SMS_PKGD"]],
    ["a name with a control character", { name: "CNS\u0007SMS" }, ["name", 'Server name must be a NetBIOS name: up to 15 characters, no \\ / : * ? " < > | , ; = + [ ]']],
    ["a share with a control character", { packageShare: "\\\\CNS-SMS\\SMS\u0001PKGD" }, ["packageShare", "Package share must be a UNC path like \\\\SERVER\\SMS_PKGD"]],
    ["server type 8", { serverType: 8 }, ["serverType", "Server type must be a whole number from 1 to 7"]],
    ["an unknown file system", { fileSystem: "EXT2" }, ["fileSystem", "File system must be one of NTFS, FAT, HPFS, NETWARE"]],
    ["a zone without Services for Macintosh", { macintoshZone: "Design" }, ["macintoshZone", "Macintosh zone needs Services for Macintosh on the server"]],
  ])("refuses %s", (_case, change, expected) => expect(firstMessage(change)).toEqual(expected));

  it("names every server type as the record documents it", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(serverTypeName)).toEqual(["UNKNOWN", "WINNT3", "LANMAN1", "LANMAN2", "NETWARE2", "NETWARE3", "NETWARE4"]);
  });
});
