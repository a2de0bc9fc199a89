// A process that saves packages through the data layer, four at a time, until it is killed,
// printing "saved <package ID>" only once each save has committed: what a user would have seen
// acknowledged. Run by tests/faults/kill-during-writes.test.ts with DATABASE_URL set.
import { createPackage } from "@/lib/data/packages/packages";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { packageInputSchema } from "@/lib/packages/schema";
import { TEST_ADMINISTRATOR } from "./actors";

bindProcessActor(TEST_ADMINISTRATOR);
const input = packageInputSchema.parse({
  siteCode: "BPC",
  name: "Written until killed",
  commandLines: [
    { commandName: "Complete", commandLine: "setup.exe /q", supportedPlatforms: ["WIN16"] },
    { commandName: "Typical", commandLine: "setup.exe", supportedPlatforms: ["WIN16"] },
  ],
});

async function saveForever(): Promise<never> {
  for (;;) process.stdout.write(`saved ${await createPackage({ input })}\n`);
}

void Promise.all(Array.from({ length: 4 }, saveForever));
