import path from "node:path";
import { describe, expect, it } from "vitest";
import { localPackageDirectory, parseShareMapping } from "./share-map";

describe("package share mapping", () => {
  const mapping = parseShareMapping("\\\\cns-sms\\SMS_PKGD=/srv/pkgd");

  it("maps a record's package server path into the local directory", () => {
    expect(mapping).toEqual({ server: "CNS-SMS", share: "SMS_PKGD", directory: path.resolve("/srv/pkgd") });
    const servers = [{ path: "\\\\CNSAPPS1\\SMS_PKGD\\BPC0000A\\", type: 2, zone: "" }, { path: "\\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\", type: 2, zone: "" }];
    expect(localPackageDirectory(servers, [mapping])).toEqual({ directory: path.resolve("/srv/pkgd/BPC0000A"), server: servers[1] });
  });

  it("maps nothing for unknown servers or paths that leave the share", () => {
    expect(localPackageDirectory([{ path: "\\\\OTHER\\SMS_PKGD\\BPC0000A\\", type: 2, zone: "" }], [mapping])).toBeNull();
    expect(localPackageDirectory([{ path: "\\\\CNS-SMS\\SMS_PKGD\\..\\etc\\", type: 2, zone: "" }], [mapping])).toBeNull();
  });

  it.each(["", "/srv/pkgd", "\\\\CNS-SMS=/srv", "\\\\CNS-SMS\\SMS_PKGD="])("refuses %j naming the option", (text) => {
    expect(() => parseShareMapping(text)).toThrow(/^--share must be/);
  });
});
