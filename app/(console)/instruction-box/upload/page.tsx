import { PageHeader } from "@/components/ui/page-header";
import { UploadForm } from "./upload-form";
import { requirePermission } from "../../access";

export const metadata = { title: "Dump an instruction file" };

export default async function UploadPage() {
  await requirePermission("console:read");
  return (
    <>
      <PageHeader
        title="Dump an instruction file"
        description="Upload any <SMS ID>.INS file, from this console or a logon server's PCMINS.BOX written by it, to read it as PCMDUMP prints it. A damaged file is reported with the byte offset and field where reading stopped."
      />
      <UploadForm />
    </>
  );
}
