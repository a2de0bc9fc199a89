"use server";

import { formOrEmpty } from "@/lib/forms";

import { readInstructionFile } from "@/lib/ins/decode";
import { InstructionFileError } from "@/lib/ins/instruction-file-error";
import { MAX_INSTRUCTION_FILE_BYTES } from "@/lib/ins/record";
import { formatPcmdump, formatPcmdumpBanner } from "@/lib/pcmdump/format";
import { CONSOLE_VERSION } from "@/lib/version";
import { actionRefusal } from "../../access";

export type DumpState = { status: "idle" } | { status: "dumped"; fileName: string; dump: string; notes: string[] } | { status: "error"; message: string };

/** Decodes an uploaded .INS file and dumps it as PCMDUMP would; a bad file gets the decoder's report. */
export async function dumpUploadedFileAction(_state: DumpState, submitted: FormData): Promise<DumpState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("console:read");
  if (refusal) return { status: "error", message: refusal.message };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose an instruction file (.INS) to dump." };
  if (file.size > MAX_INSTRUCTION_FILE_BYTES) {
    return { status: "error", message: `${file.name} is ${file.size.toLocaleString("en-US")} bytes; an instruction file is at most ${MAX_INSTRUCTION_FILE_BYTES.toLocaleString("en-US")}.` };
  }
  try {
    const contents = readInstructionFile(new Uint8Array(await file.arrayBuffer()));
    const notes = contents.skippedRecords.map((skipped) => `Skipped record ${skipped.recordIndex + 1} at byte ${skipped.offset}: version ${skipped.version} is not one this dump reads (${skipped.byteLength} bytes).`);
    return { status: "dumped", fileName: file.name, dump: formatPcmdumpBanner(CONSOLE_VERSION) + formatPcmdump(file.name, contents.records, { detailed: formData.get("detailed") === "on" }), notes };
  } catch (error) {
    if (error instanceof InstructionFileError) return { status: "error", message: `${file.name}: ${error.message}` };
    throw error;
  }
}
