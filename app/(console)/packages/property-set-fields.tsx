"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Select, TextInput } from "@/components/ui/field";
import { isChecked, listOf, recordOf, textOf } from "@/components/ui/form-values";
import { SHARE_ACCESS, SHARE_ACCESS_LABELS } from "@/lib/packages/schema";

/** Setup Package for Sharing: the package's own share for Share Package On Server jobs (Q185342). */
export function SharingFields({ values, errors }: { values: unknown; errors: Record<string, string> }) {
  const sharing = recordOf(values);
  const isDefined = values !== null && values !== undefined && (sharing.isDefined === undefined || isChecked(sharing.isDefined));
  return (
    <fieldset className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3" aria-labelledby="sharing-heading">
      <legend id="sharing-heading" className="sr-only">
        Sharing
      </legend>
      <h2 className="font-semibold md:col-span-3">Sharing</h2>
      <div className="md:col-span-3">
        {/* A cleared box sends nothing; this says "not set up" unless the box (later in the form) says otherwise. */}
        <input type="hidden" name="sharing.isDefined" value="false" />
        <Checkbox id="sharing-isDefined" name="sharing.isDefined" label="Set up for sharing (Share Package On Server jobs)" defaultChecked={isDefined} />
      </div>
      <Field id="sharing-sourceDirectory" label="Sharing source directory" error={errors["sharing.sourceDirectory"]}>
        <TextInput id="sharing-sourceDirectory" name="sharing.sourceDirectory" defaultValue={textOf(sharing.sourceDirectory)} error={errors["sharing.sourceDirectory"]} className="font-mono" />
      </Field>
      <Field id="sharing-shareName" label="Share name" error={errors["sharing.shareName"]} hint="Not ADMIN$ or a drive$ share (event 8).">
        <TextInput id="sharing-shareName" name="sharing.shareName" defaultValue={textOf(sharing.shareName)} error={errors["sharing.shareName"]} hint maxLength={80} className="font-mono" />
      </Field>
      <Field id="sharing-access" label="Share access (Everyone)" error={errors["sharing.access"]}>
        <Select id="sharing-access" name="sharing.access" defaultValue={textOf(sharing.access) || "READ"} error={errors["sharing.access"]}>
          {SHARE_ACCESS.map((access) => (
            <option key={access} value={access}>
              {SHARE_ACCESS_LABELS[access]}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}

const FILE_FIELDS = [
  ["fileName", "File name"],
  ["size", "Size"],
  ["date", "Date (m, d, yy)"],
  ["time", "Time (h, mm)"],
  ["crc", "CRC (offset,length,value)"],
  ["checksum", "Checksum"],
  ["byte", "Byte test"],
  ["word", "Word test"],
  ["long", "Long test"],
  ["token1", "Token 1"],
  ["token2", "Token 2"],
  ["token3", "Token 3"],
  ["token4", "Token 4"],
] as const;

let nextFileKey = 0;

/** Setup Package for Inventory: file tests combined by the detection rule, as a PDF writes them. */
export function InventoryFields({ values, errors }: { values: unknown; errors: Record<string, string> }) {
  const inventory = recordOf(values);
  const isDefined = values !== null && values !== undefined && (inventory.isDefined === undefined || isChecked(inventory.isDefined));
  const [files, setFiles] = useState(() => listOf(inventory.files).map((file) => ({ key: nextFileKey++, values: recordOf(file) })));
  return (
    <fieldset className="space-y-4 rounded border border-slate-200 bg-white p-4" aria-labelledby="inventory-heading">
      <legend id="inventory-heading" className="sr-only">
        Inventory
      </legend>
      <h2 className="font-semibold">Inventory</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <input type="hidden" name="inventory.isDefined" value="false" />
        <Checkbox id="inventory-isDefined" name="inventory.isDefined" label="Set up for inventory" defaultChecked={isDefined} />
        <Checkbox id="inventory-isInventoried" name="inventory.isInventoried" label="Inventory this package" defaultChecked={isChecked(inventory.isInventoried)} error={errors["inventory.isInventoried"]} />
        <Field id="inventory-detectionRule" label="Detection rule" error={errors["inventory.detectionRule"]} hint='File tests joined by AND or OR, e.g. "File 1 AND File 2".'>
          <TextInput id="inventory-detectionRule" name="inventory.detectionRule" defaultValue={textOf(inventory.detectionRule)} error={errors["inventory.detectionRule"]} hint className="font-mono" />
        </Field>
      </div>
      {files.map((file, index) => (
        <fieldset key={file.key} className="rounded border border-slate-300 bg-slate-50 p-3" aria-labelledby={`inventory-file-${index}`}>
          <div className="mb-2 flex items-center justify-between">
            <legend id={`inventory-file-${index}`} className="font-medium">
              File {index + 1}
            </legend>
            <button type="button" className="text-sm text-red-700 underline" onClick={() => setFiles((shown) => shown.filter((candidate) => candidate.key !== file.key))}>
              Remove file {index + 1}
            </button>
          </div>
          <div className="grid gap-3 md:grid-cols-4">
            {FILE_FIELDS.map(([field, label]) => {
              const name = `inventory.files.${index}.${field}`;
              const id = `inventory-files-${index}-${field}`;
              return (
                <Field key={field} id={id} label={`${label} (file ${index + 1})`} error={errors[name]}>
                  <TextInput id={id} name={name} defaultValue={textOf(file.values[field])} error={errors[name]} className="font-mono" />
                </Field>
              );
            })}
            <Checkbox id={`inventory-files-${index}-isCollected`} name={`inventory.files.${index}.isCollected`} label={`Collect (file ${index + 1})`} defaultChecked={isChecked(file.values.isCollected)} />
          </div>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setFiles((shown) => [...shown, { key: nextFileKey++, values: {} }])}>
        Add detection file
      </Button>
    </fieldset>
  );
}
