import "server-only";
import { headers } from "next/headers";

/**
 * Who is acting, for job history. Until sign-in exists the console knows only where a request
 * came from; the accounts issue replaces this with the signed-in user.
 */
export async function currentActor(): Promise<string> {
  const requestHeaders = await headers();
  const address = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || requestHeaders.get("x-real-ip") || "local";
  return `web console (${address})`;
}
