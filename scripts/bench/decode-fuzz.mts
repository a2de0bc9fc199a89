// npm run bench:decode: how long the .INS decoder takes on hostile bytes. Decodes random files, random
// record bodies behind a valid header, bit-flipped and length-inflated copies of the golden file, and
// prints the slowest single decode and the mean beside the floor each decode should stay under.
// Asserts nothing (lib/ins/fuzz.test.ts checks the outcomes; this is the speed figure it used to time).
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { readInstructionFile } from "../../lib/ins/decode.ts";
import { lengthFieldOffsets, readGoldenBytes } from "../../lib/ins/fixtures/golden-fixtures.ts";

const FLOOR_MS = 250;
const SAMPLES = 3000;
const golden = readGoldenBytes();

function decodeTime(bytes: Uint8Array): number {
  const started = performance.now();
  try {
    readInstructionFile(bytes);
  } catch {
    // A clean refusal is as good as a decode here: only the time counts.
  }
  return performance.now() - started;
}

const withHeader = (count: number, body: Uint8Array) => Uint8Array.from([0x50, 0x43, 0x4d, 0x1a, 1, 0, count & 0xff, count >> 8, ...body]);
const flipped = (positions: [number, number][]) => {
  const bytes = golden.slice();
  for (const [offset, bit] of positions) bytes[offset] = (bytes[offset] ?? 0) ^ (1 << bit);
  return bytes;
};
const offsets = lengthFieldOffsets(golden);
const inflated = ([offset, length]: [number, number]) => {
  const bytes = golden.slice();
  new DataView(bytes.buffer).setUint16(offset, length, true);
  return bytes;
};

const inputs: Record<string, fc.Arbitrary<Uint8Array>> = {
  "random bytes": fc.uint8Array({ maxLength: 2048 }),
  "random bodies": fc.tuple(fc.integer({ min: 0, max: 1100 }), fc.uint8Array({ maxLength: 4096 })).map(([count, body]) => withHeader(count, body)),
  "bit flips": fc.array(fc.tuple(fc.nat({ max: golden.length - 1 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 8 }).map(flipped),
  "length fields": fc.tuple(fc.constantFrom(...offsets), fc.integer({ min: 0, max: 0xffff })).map(inflated),
};

console.log(`decode of hostile .INS bytes, ${SAMPLES} samples each (floor: every decode under ${FLOOR_MS} ms)`);
for (const [name, arbitrary] of Object.entries(inputs)) {
  const times = fc.sample(arbitrary, SAMPLES).map(decodeTime);
  const slowest = Math.max(...times);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  console.log(`${name.padEnd(14)} slowest ${slowest.toFixed(2).padStart(8)} ms   mean ${mean.toFixed(3).padStart(7)} ms   floor ${FLOOR_MS} ms${slowest < FLOOR_MS ? "" : "   ABOVE FLOOR"}`);
}
