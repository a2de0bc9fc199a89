"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import type { ComputerSearchState } from "./actions";

/**
 * A list-of-computers target: the SMS IDs stay a plain text area (it posts without JavaScript), and a
 * search box beside it finds computers by SMS ID or name and adds them to the list.
 */
export function ComputerPicker({ defaultValue, error, searchAction }: { defaultValue: string; error?: string; searchAction: (state: ComputerSearchState, formData: FormData) => Promise<ComputerSearchState> }) {
  const [smsIds, setSmsIds] = useState(defaultValue);
  const [search, setSearch] = useState("");
  const [result, setResult] = useState<ComputerSearchState>({ status: "idle" });
  const [isSearching, startTransition] = useTransition();
  const listed = new Set(smsIds.split(/[\s,;]+/).map((smsId) => smsId.trim().toUpperCase()).filter(Boolean));
  const find = () => {
    const formData = new FormData();
    formData.set("search", search);
    startTransition(async () => setResult(await searchAction({ status: "idle" }, formData)));
  };
  return (
    <div className="space-y-2 md:col-span-2">
      <Field id="target-smsIds" label="Computers (SMS IDs, one per line)" error={error}>
        <TextArea id="target-smsIds" name="target.smsIds" rows={4} value={smsIds} onChange={(event) => setSmsIds(event.target.value)} error={error} className="font-mono uppercase" />
      </Field>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor="computer-search" className="text-sm text-slate-800">
          Find computers by SMS ID or name
        </label>
        <input
          id="computer-search"
          type="search"
          value={search}
          maxLength={31}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches instead of submitting the job form.
            if (event.key === "Enter") {
              event.preventDefault();
              find();
            }
          }}
          className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
        <Button variant="secondary" onClick={find} disabled={isSearching}>
          {isSearching ? "Searching…" : "Find"}
        </Button>
      </div>
      <div aria-live="polite">
        {result.status === "error" && <p className="text-sm text-red-700">{result.message}</p>}
        {result.status === "success" && (
          <ul aria-label="Computers found" className="space-y-1 text-sm">
            <li className="text-slate-600">{result.total > result.computers.length ? `${result.message}; the first ${result.computers.length}:` : `${result.message}:`}</li>
            {result.computers.map((computer) => (
              <li key={computer.smsId} className="flex items-center gap-2">
                <span className="font-mono">{computer.smsId}</span> {computer.name} ({computer.siteCode}, {computer.platform})
                {listed.has(computer.smsId) ? (
                  <span className="text-slate-600">listed</span>
                ) : (
                  <Button variant="secondary" aria-label={`Add ${computer.smsId}`} onClick={() => setSmsIds((current) => `${current.trimEnd()}${current.trim() ? "\n" : ""}${computer.smsId}`)}>
                    Add
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
