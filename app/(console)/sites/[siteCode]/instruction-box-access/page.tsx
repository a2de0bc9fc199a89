import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getInstructionBoxAccess } from "@/lib/data/instruction-box/instruction-box-access";
import { ACCESS_TOKEN_HEADER, ACCESS_TOKEN_QUERY_PARAMETER, INSTRUCTION_BOX_ACCESS_LABELS } from "@/lib/instruction-box/access-token";
import { changeInstructionBoxAccessAction } from "./actions";
import { InstructionBoxAccessForm } from "./instruction-box-access-form";
import { requirePermission } from "../../../access";

export async function generateMetadata({ params }: PageProps<"/sites/[siteCode]/instruction-box-access">) {
  return { title: `PCMINS.BOX access of site ${(await params).siteCode}` };
}

/** A site's PCMINS.BOX access over HTTP: open read as the share was (Q189809), or a per-site token. */
export default async function InstructionBoxAccessPage({ params }: PageProps<"/sites/[siteCode]/instruction-box-access">) {
  await requirePermission("console:read");
  const { siteCode } = await params;
  const access = await getInstructionBoxAccess({ siteCode });
  if (!access) notFound();
  return (
    <>
      <PageHeader
        title={`PCMINS.BOX access: ${access.siteCode}`}
        description={
          <>
            Clients without a browser session read their instruction file from <code>GET /pcmins.box/&lt;SMS ID&gt;.INS</code>. On a logon server the PCMINS.BOX share gave Everyone read
            (Q189809); here each site chooses open read or a token of its own.
          </>
        }
        actions={
          <>
            <ButtonLink href={`/instruction-box/fetches?siteCode=${access.siteCode}`}>Recent fetches</ButtonLink>
            <ButtonLink href={`/sites/${access.siteCode}`}>Back to site</ButtonLink>
          </>
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">Site</dt>
        <dd>
          <Link href={`/sites/${access.siteCode}`}>{access.siteCode}</Link>: {access.siteName}
        </dd>
        <dt className="font-medium text-slate-600">Access</dt>
        <dd>
          <Badge tone={access.mode === "token" ? "info" : "neutral"}>{INSTRUCTION_BOX_ACCESS_LABELS[access.mode]}</Badge>
        </dd>
        <dt className="font-medium text-slate-600">Token</dt>
        <dd>{access.hasToken ? "Set (only its hash is stored; it cannot be shown again)" : "Not set"}</dd>
      </dl>
      <section aria-labelledby="client-use-heading" className="mb-6 max-w-3xl space-y-2 text-sm">
        <h2 id="client-use-heading" className="text-lg font-semibold">
          How clients send the token
        </h2>
        <p>In token mode every fetch of a file of this site&apos;s clients must carry the site&apos;s token, either way:</p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs">
          {`GET /pcmins.box/<SMS ID>.INS?${ACCESS_TOKEN_QUERY_PARAMETER}=<token>\n\nGET /pcmins.box/<SMS ID>.INS\n${ACCESS_TOKEN_HEADER}: <token>`}
        </pre>
        <p>
          Prefer the header: a query string can end up in proxy and server logs. A missing or wrong token is answered 401; each fetch is logged under{" "}
          <Link href={`/instruction-box/fetches?siteCode=${access.siteCode}`}>recent fetches</Link>. A new token replaces the old one at once, so update the clients&apos; copies
          when you generate one.
        </p>
      </section>
      {access.canChange ? (
        <InstructionBoxAccessForm action={changeInstructionBoxAccessAction.bind(null, access.siteCode)} siteCode={access.siteCode} mode={access.mode} hasToken={access.hasToken} />
      ) : (
        <p className="text-sm text-slate-600">Only an Administrator can change this setting.</p>
      )}
    </>
  );
}
