import { Zip, ZipPassThrough } from "fflate";
import { countInstructionFiles, generateInstructionBox } from "@/lib/data/instruction-box/instruction-box";
import { currentWallClock } from "@/lib/wall-clock";
import { routeRefusal } from "../../access";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

/** A record averages about 330 bytes; with zip headers this estimates the archive for progress bars. */
const ESTIMATED_BYTES_PER_FILE = 1_500;

/**
 * GET the whole instruction box as PCMINS.BOX.zip, streamed as it is generated so memory stays
 * flat however many clients there are. Files are stored (instruction files barely compress).
 */
export const GET = withDatabaseFaults(async function get() {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  const now = currentWallClock();
  const fileCount = await countInstructionFiles({ now });
  const files = generateInstructionBox({ now })[Symbol.asyncIterator]();
  let zip: Zip;
  // Pull-driven: the next file is generated only when the reader has taken the last one.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await files.next();
      if (next.done) {
        zip.end();
        return;
      }
      const entry = new ZipPassThrough(`PCMINS.BOX/${next.value.fileName}`);
      entry.mtime = next.value.lastModified;
      zip.add(entry);
      entry.push(next.value.bytes, true);
    },
    async cancel() {
      await files.return?.(undefined);
    },
  });
  const stamp = now.slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="PCMINS.BOX-${stamp}.zip"`,
      "Cache-Control": "no-store",
      "X-Instruction-Files": String(fileCount),
      "X-Estimated-Bytes": String(fileCount * ESTIMATED_BYTES_PER_FILE),
    },
  });
});
