import { describe, expect, it } from "vitest";
import { formDataToObject } from "../forms";
import { packageInputSchema } from "./schema";

/** The package form posts each set's fields always, with a hidden "false" before the set's box. */
function posted(boxes: { sharing: boolean; inventory: boolean }) {
  const form = new FormData();
  form.append("siteCode", "BPC");
  form.append("name", "Office 95");
  form.append("sharing.isDefined", "false");
  if (boxes.sharing) form.append("sharing.isDefined", "on");
  form.append("sharing.sourceDirectory", boxes.sharing ? "\\\\SRC\\OFF95" : "");
  form.append("sharing.shareName", boxes.sharing ? "OFF95" : "");
  form.append("sharing.access", "READ");
  form.append("inventory.isDefined", "false");
  if (boxes.inventory) form.append("inventory.isDefined", "on");
  form.append("inventory.detectionRule", "");
  return packageInputSchema.safeParse(formDataToObject(form));
}

describe("the package form's property sets", () => {
  it("reads cleared boxes as sets not set up, whatever their fields hold", () => {
    const parsed = posted({ sharing: false, inventory: false });
    expect(parsed.success && [parsed.data.sharing, parsed.data.inventory]).toEqual([null, null]);
  });

  it("reads a ticked box as the set, checked by its schema", () => {
    const parsed = posted({ sharing: true, inventory: true });
    expect(parsed.success && [parsed.data.sharing, parsed.data.inventory]).toEqual([{ sourceDirectory: "\\\\SRC\\OFF95", shareName: "OFF95", access: "READ" }, { isInventoried: false, detectionRule: "", files: [] }]);
  });
});
