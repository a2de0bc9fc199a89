import { exportPackageDefinition } from "@/lib/data/packages/package-definitions";
import { HTTP_STATUS_OF, isDomainError } from "@/lib/errors";
import { PACKAGE_ID_PATTERN } from "@/lib/sms-id";
import { routeRefusal } from "../../../access";

export const dynamic = "force-dynamic";

/** GET the package as a Package Definition File named after its ID, as Writepdf.exe wrote one (Q186403). */
export async function GET(_request: Request, context: RouteContext<"/packages/[packageId]/pdf">) {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  const packageId = (await context.params).packageId.toUpperCase();
  if (!PACKAGE_ID_PATTERN.test(packageId)) return Response.json({ error: "Package ID must be 8 characters: a site code and 5 base-36 characters" }, { status: 400 });
  try {
    const { fileName, text } = await exportPackageDefinition({ packageId });
    // PDFs are Windows INI text: single-byte Latin-1 with CRLF line ends.
    return new Response(Buffer.from(text, "latin1"), {
      headers: { "Content-Type": "application/octet-stream", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return Response.json({ error: error.message }, { status: HTTP_STATUS_OF[error.code], headers: { "Cache-Control": "no-store" } });
  }
}
