"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type Progress = { status: "idle" } | { status: "running"; received: number; estimate: number } | { status: "done"; received: number } | { status: "failed"; message: string };

/**
 * Downloads the whole box as a zip while it is being generated, showing how far it has come.
 * The server streams (no Content-Length); it sends an estimate of the size to measure against.
 */
export function BoxDownload({ fileCount }: { fileCount: number | null }) {
  const [progress, setProgress] = useState<Progress>({ status: "idle" });

  async function download() {
    setProgress({ status: "running", received: 0, estimate: 1 });
    try {
      const response = await fetch("/instruction-box/archive");
      if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
      const estimate = Number(response.headers.get("X-Estimated-Bytes")) || 1;
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setProgress({ status: "running", received, estimate });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "PCMINS.BOX.zip";
      link.click();
      URL.revokeObjectURL(url);
      setProgress({ status: "done", received });
    } catch (error) {
      setProgress({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }

  const percent = progress.status === "running" ? Math.min(99, Math.round((progress.received / progress.estimate) * 100)) : progress.status === "done" ? 100 : 0;
  return (
    <div className="flex min-w-72 flex-col gap-1">
      <Button onClick={download} disabled={progress.status === "running" || fileCount === 0}>
        Download the whole box (.zip{fileCount !== null ? `, ${fileCount.toLocaleString("en-US")} files` : ""})
      </Button>
      {progress.status !== "idle" && (
        <div aria-live="polite" className="text-xs text-slate-600">
          <progress max={100} value={percent} className="w-full" aria-label="Box download progress" />
          {progress.status === "running" && `${(progress.received / 1024).toFixed(0)} KB received`}
          {progress.status === "done" && `Done: ${(progress.received / 1024).toFixed(0)} KB`}
          {progress.status === "failed" && <span className="text-red-700">The download failed: {progress.message}</span>}
        </div>
      )}
    </div>
  );
}
