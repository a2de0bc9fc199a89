import fc from "fast-check";
import { PLATFORMS } from "../platforms";
import { DETECTION_OPERATORS, type DefinitionCommandLine, type DetectionFile, type DetectionRulePart, type PackageDefinition } from "./definition";

/** One line of printable Latin-1, as an INI value keeps it: no line breaks, no outer blanks. */
const value = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code < 0x7f || code >= 0xa0).map((code) => String.fromCharCode(code)), maxLength }).map((text) => text.trim());
const nonEmpty = (maxLength: number) => value(maxLength).filter((text) => text !== "");
const variation = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ()&.-]{0,20}[A-Za-z0-9)]$/).filter((name) => !/\s{2}/.test(name));
const numbers = (count: number) => fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: count, maxLength: count }).map((list) => list.join(","));

const commandLine = (name: string): fc.Arbitrary<DefinitionCommandLine> =>
  fc.record({
    variation: fc.constant(name),
    commandName: nonEmpty(100),
    commandLine: nonEmpty(255),
    isUserInputRequired: fc.option(fc.boolean(), { nil: undefined }),
    isSystemTask: fc.boolean(),
    isSynchronousSystemExitRequired: fc.boolean(),
    supportedPlatforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
  });

const detectionFile: fc.Arbitrary<DetectionFile> = fc.record({
  fileName: nonEmpty(12),
  isCollected: fc.boolean(),
  checksum: value(20),
  crc: fc.oneof(fc.constant(""), numbers(3)),
  date: fc.oneof(fc.constant(""), fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 80, max: 99 })).map((parts) => parts.join(", "))),
  size: fc.oneof(fc.constant(""), fc.nat().map(String)),
  time: fc.oneof(fc.constant(""), fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => `${hour}, ${String(minute).padStart(2, "0")}`)),
  byte: value(20),
  word: value(20),
  long: value(20),
  token1: value(20),
  token2: value(20),
  token3: value(20),
  token4: value(20),
});

/** Rules use every file at least once, in order, as the parser numbers files by first use. */
const inventory = fc
  .array(detectionFile, { minLength: 1, maxLength: 4 })
  .chain((files) =>
    fc.record({
      isInventoried: fc.boolean(),
      files: fc.constant(files),
      rule: fc.array(fc.constantFrom(...DETECTION_OPERATORS), { minLength: files.length - 1, maxLength: files.length - 1 }).map((operators) => {
        const parts: DetectionRulePart[] = [{ file: 0 }];
        operators.forEach((operator, index) => parts.push({ operator }, { file: index + 1 }));
        return parts;
      }),
    }),
  );

export const packageDefinitionArbitrary: fc.Arbitrary<PackageDefinition> = fc
  .uniqueArray(variation, { maxLength: 6, selector: (name) => name.toLowerCase() })
  .chain((names) =>
    fc.record({
      product: value(100),
      version: value(50),
      comment: value(200),
      commandLines: names.length ? fc.tuple(...names.map(commandLine)) : fc.constant([]),
      inventory: fc.option(inventory, { nil: null }),
    }),
  );
