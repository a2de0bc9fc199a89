import { JOB_ID_PATTERN } from "../sms-id";

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The console page of an audited object, when it has one; deleted objects' pages answer "not found". */
export function auditObjectHref(objectType: string, objectId: string | null): string | null {
  if (!objectId || !SAFE_ID.test(objectId)) return null;
  switch (objectType) {
    case "job":
      return JOB_ID_PATTERN.test(objectId) ? `/jobs/${objectId}` : null;
    case "package":
      return `/packages/${objectId}`;
    case "site":
      return `/sites/${objectId}`;
    case "computer":
      return `/computers/${objectId}`;
    case "machine-group":
      return /^\d+$/.test(objectId) ? `/machine-groups/${objectId}` : null;
    case "query":
      return /^\d+$/.test(objectId) ? `/queries/${objectId}` : null;
    case "user":
      return `/users/${objectId}`;
    default:
      return null;
  }
}
