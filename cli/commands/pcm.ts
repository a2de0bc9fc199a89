import os from "node:os";
import { parseArgs } from "node:util";
import { parseShareMapping } from "@/lib/pcm-agent/share-map";
import { PLATFORMS, type Platform } from "@/lib/platforms";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { UsageError, type Command } from "../command";
import { resolveFromCaller } from "../output";
import { defaultStateDirectory, pollOnce, type AgentOptions } from "../pcm-agent";

const USAGE = `Usage: sms pcm --sms-id ID --console URL [--token TOKEN] [--share '\\\\SERVER\\SHARE=DIR']...
               [--mif-dir DIR] [--state DIR] [--once | --interval MINUTES] [--accept REQUEST]...
               [--platform PLATFORM]

A Package Command Manager for today's machines: runs on a client as one SMS ID against a console.
Each poll fetches <SMS ID>.INS from the console's /pcmins.box (conditional GET), decides what to
run with the simulator's PCM (offer, mandatory, expiry, platform, service versus desktop), runs
the command line in the package directory its --share maps the record's server to, writes
Pcmwin.log / PACMAN.LOG lines in PCM's format to the state directory, and posts the status MIF to
the console's /despoolr.box. A request it has started is never run again (state file).

  --sms-id ID         the client's SMS ID (8 characters)
  --console URL       the console, e.g. http://sms-console:3000
  --token TOKEN       the site's PCMINS.BOX token, when the site asks for one
  --share MAP         \\\\SERVER\\SHARE=DIR: where a package server's share is here; repeatable.
                      A record whose servers map nowhere is not run, and the log says so (Q185347)
  --mif-dir DIR       where setup programs write status MIFs (*.mif written after the run began
                      are posted); without one, or when none was written, a MIF is written from
                      the exit code, as ISMIF32 would (0 = Success)
  --state DIR         state, logs and the cached .INS (default ~/.sms-pcm)
  --once              poll once and exit; otherwise poll every --interval minutes (default 60)
  --accept REQUEST    run this optional offer (request ID); repeatable
  --platform NAME     this machine's platform for the .INS's Operating System mask (default WIN32_X86)`;

export const pcmCommand: Command = {
  name: "pcm",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "sms-id": { type: "string" },
        console: { type: "string" },
        token: { type: "string" },
        share: { type: "string", multiple: true },
        "mif-dir": { type: "string" },
        state: { type: "string" },
        once: { type: "boolean" },
        interval: { type: "string" },
        accept: { type: "string", multiple: true },
        platform: { type: "string" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`pcm takes no positional argument ("${positionals[0]}")`);
    const smsId = values["sms-id"]?.trim().toUpperCase() ?? "";
    if (!SMS_ID_PATTERN.test(smsId)) throw new UsageError("--sms-id must be an SMS ID: 8 characters, A-Z or 0-9");
    let consoleUrl: URL;
    try {
      consoleUrl = new URL(values.console ?? "");
    } catch {
      throw new UsageError("--console must be the console's URL, e.g. http://sms-console:3000");
    }
    if (consoleUrl.protocol !== "http:" && consoleUrl.protocol !== "https:") throw new UsageError("--console must be an http or https URL");
    const platform = (values.platform ?? "WIN32_X86").toUpperCase();
    if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`--platform must be one of ${PLATFORMS.join(", ")}`);
    const interval = Number(values.interval ?? "60");
    if (!Number.isInteger(interval) || interval < 1 || interval > 1440) throw new UsageError("--interval must be a whole number of minutes from 1 to 1440");
    let shares;
    try {
      shares = (values.share ?? []).map(parseShareMapping).map((mapping) => ({ ...mapping, directory: resolveFromCaller(mapping.directory) }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const options: AgentOptions = {
      client: { smsId, platform: platform as Platform, pollingIntervalMinutes: interval, logonServer: consoleUrl.hostname.toUpperCase() || os.hostname() },
      consoleUrl: consoleUrl.href,
      token: values.token ?? null,
      shares,
      mifDirectory: values["mif-dir"] ? resolveFromCaller(values["mif-dir"]) : null,
      stateDirectory: values.state ? resolveFromCaller(values.state) : defaultStateDirectory(),
      accepted: (values.accept ?? []).map((requestId) => requestId.trim().toUpperCase()),
    };
    if (values.once) {
      const { ran } = await pollOnce(options);
      console.log(ran.length > 0 ? `Ran ${ran.join(", ")}.` : "Nothing to run.");
      return 0;
    }
    for (;;) {
      try {
        const { ran } = await pollOnce(options);
        console.log(`${new Date().toISOString()} ${ran.length > 0 ? `ran ${ran.join(", ")}` : "nothing to run"}; next poll in ${interval} minutes`);
      } catch (error) {
        // A console that does not answer is PCM's "check periodically" (Q215125): try again next poll.
        console.error(`${new Date().toISOString()} poll failed: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, interval * 60_000));
    }
  },
};
