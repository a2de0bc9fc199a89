import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeJobStatusMif } from "@/lib/status-mif/job-status-mif";
import { UsageError, type Command } from "../command";
import { resolveFromCaller } from "../output";

const USAGE = `Usage: sms ismif [-f Filename] [-c Manufacturer] [-p Product] [-v Version] [-l Locale]
                 [-n Serial_Number] [-d Description] [-s Success] [-q]

Writes a job status MIF as ISMIF32 did (Q186415), for setup scripts: Status "Success" with -s 1,
else "Failed"; the default file is Setup.mif in the current directory. -q writes nothing to the
screen.`;

const TEXT_LIMITS = { c: 64, p: 64, v: 64, l: 16, n: 64, d: 148 } as const;

export const ismifCommand: Command = {
  name: "ismif",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { f: { type: "string" }, c: { type: "string" }, p: { type: "string" }, v: { type: "string" }, l: { type: "string" }, n: { type: "string" }, d: { type: "string" }, s: { type: "string" }, q: { type: "boolean" } },
    });
    if (positionals.length > 0) throw new UsageError(`ismif takes no positional argument ("${positionals[0]}"); quote a description with spaces`);
    if (values.s !== undefined && values.s !== "0" && values.s !== "1") throw new UsageError("-s must be 0 (failed) or 1 (success)");
    for (const [option, limit] of Object.entries(TEXT_LIMITS)) {
      const value = values[option as keyof typeof TEXT_LIMITS];
      if (value !== undefined && value.length > limit) throw new UsageError(`-${option} must be ${limit} characters or fewer`);
    }
    const file = resolveFromCaller(values.f ?? "Setup.mif");
    const status = values.s === "1" ? "Success" : "Failed";
    const text = writeJobStatusMif({
      componentId: { manufacturer: values.c ?? "", product: values.p ?? "", version: values.v ?? "", locale: values.l ?? "", serialNumber: values.n ?? "", installation: new Date().toISOString().slice(0, 19) },
      status,
      description: values.d ?? "",
    });
    await writeFile(file, text, "latin1");
    if (!values.q) console.log(`Wrote ${values.f ?? "Setup.mif"}: Status ${status}.`);
    return 0;
  },
};
