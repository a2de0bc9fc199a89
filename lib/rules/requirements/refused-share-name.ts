import { isRefusedShareName } from "../../packages/schema";
import type { JobRule } from "../rule";
import { packageSubject } from "../subjects";

/**
 * R55 (Q122177): a Share Package On Server job cannot share the package as ADMIN$ or a root
 * drive share. The package form refuses such names; a package brought in by a site document or
 * stored before that check still reaches the review.
 */
export const refusedShareName: JobRule = {
  kind: "job",
  code: "R55",
  title: "Share names ADMIN$ and drive$",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q122177"],
  why: "The despooler refuses to create a package share named ADMIN$ or <drive>$ (event 8): those are the server's administrative shares.",
  check({ context, definition }) {
    if (definition.jobType !== "SHARE_PACKAGE_ON_SERVER") return null;
    const shareName = context.package.shareName;
    if (shareName === null || !isRefusedShareName(shareName)) return null;
    return {
      finding: {
        message: `Share name cannot be ADMIN$ or a root drive$ share (event 8): package ${context.package.packageId} is shared as ${shareName}.`,
        subjects: [packageSubject(context.package.packageId)],
        fix: { form: "package", field: "sharing.shareName", text: "Give the package's Sharing set another share name, e.g. the package's own name." },
      },
    };
  },
};
