import { statementValue, type MifBlock } from "./mif-tree";
import { parseMif } from "./parse";
import { printMif } from "./print";
import { StatusMifError } from "./status-mif-error";

/** The ComponentID group (DMTF|ComponentID|1.0): who wrote the MIF. ISMIF32 adds Locale (Q186415). */
export interface ComponentId {
  manufacturer: string;
  product: string;
  version: string;
  serialNumber: string;
  installation: string;
  locale: string;
}

export type InstallStatus = "Success" | "Failed";

/** What a job status MIF says (Q166833): the InstallStatus group of class MICROSOFT|JOBSTATUS|1.0. */
export interface JobStatusMif {
  componentName: string;
  componentId: ComponentId;
  status: InstallStatus;
  description: string;
  /** Things the Despooler logged but still loaded, e.g. error cb for an empty Description (Q169491). */
  warnings: string[];
}

export const JOB_STATUS_CLASS = "MICROSOFT|JOBSTATUS|1.0";
export const COMPONENT_ID_CLASS = "DMTF|ComponentID|1.0";

function findGroup(component: MifBlock, className: string, name: string): MifBlock | undefined {
  const groups = component.blocks.filter((block) => block.kind === "GROUP");
  return (
    groups.find((group) => statementValue(group, "CLASS")?.toUpperCase() === className.toUpperCase()) ??
    groups.find((group) => statementValue(group, "NAME")?.toUpperCase() === name.toUpperCase())
  );
}

function attributeValue(group: MifBlock | undefined, name: string): string | undefined {
  const attribute = group?.blocks.find(
    (block) => block.kind === "ATTRIBUTE" && statementValue(block, "NAME")?.toUpperCase() === name.toUpperCase(),
  );
  return attribute ? statementValue(attribute, "VALUE") : undefined;
}

/**
 * Reads a job status MIF. A file that does not parse, or lacks the InstallStatus group or a Status
 * of Success or Failed, throws StatusMifError: the Despooler discarded such a MIF (Q190135).
 */
export function readJobStatusMif(text: string): JobStatusMif {
  const component = parseMif(text);
  const installStatus = findGroup(component, JOB_STATUS_CLASS, "InstallStatus");
  if (!installStatus) throw new StatusMifError(`no InstallStatus group of class ${JOB_STATUS_CLASS}`, 0, "end of file");
  const rawStatus = attributeValue(installStatus, "Status");
  if (rawStatus === undefined) throw new StatusMifError("the InstallStatus group has no Status attribute", 0, "end of file");
  const status = (["Success", "Failed"] as const).find((value) => value.toLowerCase() === rawStatus.trim().toLowerCase());
  if (!status) throw new StatusMifError(`Status must be "Success" or "Failed", not "${rawStatus.slice(0, 40)}"`, 0, "end of file");
  const description = attributeValue(installStatus, "Description") ?? "";
  const componentIdGroup = findGroup(component, COMPONENT_ID_CLASS, "ComponentID");
  const field = (name: string) => attributeValue(componentIdGroup, name) ?? "";
  return {
    componentName: statementValue(component, "NAME") ?? "",
    componentId: {
      manufacturer: field("Manufacturer"),
      product: field("Product"),
      version: field("Version"),
      serialNumber: field("Serial Number"),
      installation: field("Installation"),
      locale: field("Locale"),
    },
    status,
    description,
    warnings: description === "" ? ["Description is empty: Despooler error code = cb (Q169491)"] : [],
  };
}

const attribute = (name: string, id: number, length: number, value: string): MifBlock => ({
  kind: "ATTRIBUTE",
  statements: [
    { keyword: "NAME", value: { isQuoted: true, text: name } },
    { keyword: "ID", value: { isQuoted: false, text: String(id) } },
    { keyword: "ACCESS", value: { isQuoted: false, text: "READ-ONLY" } },
    { keyword: "STORAGE", value: { isQuoted: false, text: "SPECIFIC" } },
    { keyword: "TYPE", value: { isQuoted: false, text: `STRING(${length})` } },
    { keyword: "VALUE", value: { isQuoted: true, text: value } },
  ],
  blocks: [],
});

const group = (name: string, id: number, className: string, attributes: MifBlock[]): MifBlock => ({
  kind: "GROUP",
  statements: [
    { keyword: "NAME", value: { isQuoted: true, text: name } },
    { keyword: "ID", value: { isQuoted: false, text: String(id) } },
    { keyword: "CLASS", value: { isQuoted: true, text: className } },
  ],
  blocks: attributes,
});

/** The generic status MIF ISMIF32 writes (Q186415 L57-L134), attribute for attribute. */
export function writeJobStatusMif(mif: Omit<JobStatusMif, "warnings" | "componentName">): string {
  const { componentId } = mif;
  return printMif({
    kind: "COMPONENT",
    statements: [{ keyword: "NAME", value: { isQuoted: true, text: "WORKSTATION" } }],
    blocks: [
      group("ComponentID", 1, COMPONENT_ID_CLASS, [
        attribute("Manufacturer", 1, 64, componentId.manufacturer),
        attribute("Product", 2, 64, componentId.product),
        attribute("Version", 3, 64, componentId.version),
        attribute("Locale", 4, 16, componentId.locale),
        attribute("Serial Number", 5, 64, componentId.serialNumber),
        attribute("Installation", 6, 64, componentId.installation),
      ]),
      group("InstallStatus", 2, JOB_STATUS_CLASS, [
        attribute("Status", 1, 32, mif.status),
        attribute("Description", 2, 148, mif.description),
      ]),
    ],
  });
}
