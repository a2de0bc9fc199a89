import { describe, expect, it } from "vitest";
import { readStatusMifFixture } from "./fixtures/status-mif-fixtures";
import { readJobStatusMif, writeJobStatusMif } from "./job-status-mif";
import { MAX_STATUS_MIF_BYTES } from "./mif-tree";
import { parseMif } from "./parse";
import { printMif } from "./print";
import { StatusMifError } from "./status-mif-error";

function syntaxErrorOf(text: string): StatusMifError {
  try {
    readJobStatusMif(text);
  } catch (error) {
    if (error instanceof StatusMifError) return error;
    throw error;
  }
  throw new Error("expected a StatusMifError");
}

describe("the KB's status MIFs (digest §5.16, §5.8)", () => {
  it("reads Q166833's Success MIF", () => {
    expect(readJobStatusMif(readStatusMifFixture("q166833-success.mif"))).toEqual({
      componentName: "WORKSTATION",
      componentId: {
        manufacturer: "Jamalz",
        product: "JamalTest",
        version: "3.15",
        serialNumber: "01122121r",
        installation: "12/12/95",
        locale: "",
      },
      status: "Success",
      description: "ErrorJamalz",
      warnings: [],
    });
  });

  it("reads the Failed MIF ISMIF32 wrote without -s (Q186415), keeping the description's line breaks", () => {
    const mif = readJobStatusMif(readStatusMifFixture("q186415-ismif32-failed.mif"));
    expect(mif.status).toBe("Failed");
    expect(mif.componentId).toEqual({
      manufacturer: "Microsoft",
      product: "SMS",
      version: "1.2",
      serialNumber: "",
      installation: "DateTime",
      locale: "",
    });
    expect(mif.description.replace(/\s+/g, " ")).toBe(
      "The most effective multi-site management system that provides integrated desktop management for customers with medium to large Windows environments.",
    );
  });

  it("writes, for the same ISMIF32 options, the MIF Q186415 shows", () => {
    const fixture = readStatusMifFixture("q186415-ismif32-failed.mif");
    const { componentId, status, description } = readJobStatusMif(fixture);
    expect(parseMif(writeJobStatusMif({ componentId, status, description }))).toEqual(parseMif(fixture));
  });

  it("loads an empty Description with the Despooler's error cb as a warning (Q169491)", () => {
    const mif = readJobStatusMif(readStatusMifFixture("q169491-empty-description.mif"));
    expect(mif.status).toBe("Success");
    expect(mif.warnings).toEqual(["Description is empty: Despooler error code = cb (Q169491)"]);
  });

  it("refuses the KB's annotated attribute with the line and token, as Despool.log did (Q190135)", () => {
    const error = syntaxErrorOf(readStatusMifFixture("q169491-annotated-syntax-error.mif"));
    expect([error.line, error.token]).toEqual([66, "<--"]);
    expect(error.message).toBe("syntax error on line 66, token <--: expected a keyword");
  });
});

describe("the MIF syntax", () => {
  it("takes keywords in any case, comments, one-line blocks and escaped quotes (Q140810)", () => {
    const text = `// written by a setup script
start component name = "WORKSTATION" // the only component
  Start Group Name = "InstallStatus" Class = "microsoft|jobstatus|1.0"
    START ATTRIBUTE NAME = "Status" VALUE = "failed" END ATTRIBUTE
    start attribute name = "description" value = "said \\"no\\" \\\\ twice" end attribute
  END GROUP
End Component`;
    const mif = readJobStatusMif(text);
    expect([mif.status, mif.description]).toEqual(["Failed", 'said "no" \\ twice']);
  });

  it.each([
    ["", 1, "end of file", "no START COMPONENT"],
    ['START COMPONENT\n NAME = "x"\n', 3, "end of file", "missing END COMPONENT"],
    ['START COMPONENT\n NAME = "unterminated\nEND COMPONENT', 2, '"unterminated\nEND COMPONENT', "unterminated string"],
    ["START COMPONENT\n NAME \"x\"\nEND COMPONENT", 2, '"x"', "expected = after NAME"],
    ["START COMPONENT\n START GROUP\n END ATTRIBUTE\nEND COMPONENT", 3, "ATTRIBUTE", "expected END GROUP"],
    ["START GROUP\nEND GROUP", 1, "GROUP", "a status MIF starts with START COMPONENT"],
    ["START COMPONENT\nEND COMPONENT\nSTART COMPONENT\nEND COMPONENT", 3, "COMPONENT", "only one COMPONENT is allowed"],
    ["START COMPONENT\n NAME = = \nEND COMPONENT", 2, "=", "expected a value for NAME"],
    ["NAME = \"x\"", 1, "NAME", "statement outside START COMPONENT"],
  ])("refuses %j at line %i, token %j", (text, line, token, detail) => {
    const error = syntaxErrorOf(text);
    expect({ line: error.line, token: error.token, detail: error.detail }).toEqual({ line, token, detail });
  });

  it("refuses a MIF without a Success or Failed status", () => {
    expect(syntaxErrorOf('START COMPONENT NAME = "WORKSTATION" END COMPONENT').detail).toBe(
      "no InstallStatus group of class MICROSOFT|JOBSTATUS|1.0",
    );
    const maybe = 'START COMPONENT START GROUP NAME = "InstallStatus" START ATTRIBUTE NAME = "Status" VALUE = "Maybe" END ATTRIBUTE END GROUP END COMPONENT';
    expect(syntaxErrorOf(maybe).detail).toBe('Status must be "Success" or "Failed", not "Maybe"');
  });

  it("refuses a MIF over 64 KB as SMS did (event 119, Q122178), and takes one of exactly 64 KB", () => {
    const fixture = readStatusMifFixture("q166833-success.mif");
    const padded = (size: number) => fixture + "/".repeat(size - fixture.length);
    expect(readJobStatusMif(padded(MAX_STATUS_MIF_BYTES)).status).toBe("Success");
    expect(syntaxErrorOf(padded(MAX_STATUS_MIF_BYTES + 1)).message).toMatch(/larger than 64 KB \(event 119, Q122178\)/);
    expect(syntaxErrorOf("é".repeat(MAX_STATUS_MIF_BYTES / 2 + 1)).message).toMatch(/larger than 64 KB/);
  });

  it("prints a tree that parses back to itself", () => {
    const tree = parseMif(readStatusMifFixture("q186415-ismif32-failed.mif"));
    expect(parseMif(printMif(tree))).toEqual(tree);
  });
});
