import { beforeEach, describe, expect, it } from "vitest";
import { createPackage, deletePackage, getPackage, updatePackage } from "@/lib/data/packages/packages";
import { createSite } from "@/lib/data/sites/sites";
import { DomainError } from "@/lib/errors";
import { packageInputSchema, type PackageInput } from "@/lib/packages/schema";
import { siteInputSchema } from "@/lib/sites/schema";
import { resetDatabase } from "../support/reset-database";

const office = (change: Partial<PackageInput> = {}): PackageInput =>
  packageInputSchema.parse({
    siteCode: "BPC",
    name: "Microsoft Office Professional 4",
    commandLines: [
      { commandName: "Complete", commandLine: "acmewkst.exe /I:C", supportedPlatforms: ["WIN16"] },
      { commandName: "Typical", commandLine: "acmewkst.exe", supportedPlatforms: ["WIN16"] },
    ],
    ...change,
  });

beforeEach(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "BPC", name: "BPC", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
});

describe("package IDs", () => {
  it("are the site code and five base-36 characters, allocated in order", async () => {
    expect(await createPackage({ input: office() })).toBe("BPC00001");
    expect(await createPackage({ input: office() })).toBe("BPC00002");
  });

  it("are never reused after a delete", async () => {
    const first = await createPackage({ input: office() });
    await deletePackage({ packageId: first });
    expect(await createPackage({ input: office() })).toBe("BPC00002");
  });

  it("stay unique when many admins create packages at the same moment", async () => {
    const ids = await Promise.all(Array.from({ length: 25 }, () => createPackage({ input: office() })));
    expect(new Set(ids).size).toBe(25);
    expect([...ids].sort()[24]).toBe("BPC0000P");
  });

  it("refuse a site that does not exist, naming the field", async () => {
    const error = await createPackage({ input: office({ siteCode: "XYZ" }) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).issues).toEqual([{ path: "siteCode", message: "Site XYZ does not exist" }]);
  });
});

describe("editing a package", () => {
  it("refuses the second of two saves made from the same version", async () => {
    const packageId = await createPackage({ input: office() });
    await updatePackage({ packageId, version: 1, input: office({ name: "First admin" }) });
    const second = updatePackage({ packageId, version: 1, input: office({ name: "Second admin" }) });
    await expect(second).rejects.toMatchObject({ code: "conflict" });
    expect((await getPackage(packageId))?.name).toBe("First admin");
  });

  it("keeps the IDs of command lines that stay, even when two swap names", async () => {
    const packageId = await createPackage({ input: office() });
    const before = (await getPackage(packageId))!;
    const [complete, typical] = before.commandLines;
    await updatePackage({
      packageId,
      version: before.version,
      input: office({
        commandLines: [
          { ...complete!, commandName: "Typical", isUserInputRequired: undefined },
          { ...typical!, commandName: "Complete", isUserInputRequired: undefined },
          { commandName: "Minimum", commandLine: "acmewkst.exe /min", isAutomated: true, isSystemTask: false, isSynchronousSystemExitRequired: false, restartsComputer: false, supportedPlatforms: ["DOS6"] },
        ],
      }),
    });
    const after = (await getPackage(packageId))!;
    expect(after.commandLines.map((line) => [line.id, line.commandName])).toEqual([
      [complete!.id, "Typical"],
      [typical!.id, "Complete"],
      [expect.any(Number), "Minimum"],
    ]);
    expect(after.version).toBe(2);
  });

  it("refuses a command line ID from another package and changes nothing", async () => {
    const first = await createPackage({ input: office() });
    const second = await createPackage({ input: office({ name: "Other" }) });
    const foreignId = (await getPackage(first))!.commandLines[0]!.id;
    const attempt = updatePackage({ packageId: second, version: 1, input: office({ name: "Hijack", commandLines: [{ ...office().commandLines[0]!, id: foreignId }] }) });
    await expect(attempt).rejects.toMatchObject({ code: "invalid" });
    expect((await getPackage(second))?.name).toBe("Other");
    expect((await getPackage(first))?.commandLines).toHaveLength(2);
  });

  it("reports a package that was deleted meanwhile as not found", async () => {
    const packageId = await createPackage({ input: office() });
    await deletePackage({ packageId });
    await expect(updatePackage({ packageId, version: 1, input: office() })).rejects.toMatchObject({ code: "not_found" });
  });
});
