"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { createServer, deleteServer, getServer, updateServer } from "@/lib/data/sites/servers";
import { createSite, deleteSite, getSite, updateSite } from "@/lib/data/sites/sites";
import { isDomainError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { recordVersionSchema } from "@/lib/schema-fields";
import { serverInputSchema } from "@/lib/servers/schema";
import { siteInputSchema } from "@/lib/sites/schema";
import { SITE_CODE_PATTERN } from "@/lib/sms-id";
import { NETBIOS_NAME_PATTERN } from "@/lib/servers/schema";
import { actionRefusal } from "../access";

export async function createSiteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  const values = formDataToObject(formData);
  const parsed = siteInputSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await createSite({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/sites");
  redirect(`/sites/${parsed.data.code}`);
}

export async function updateSiteAction(code: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(SITE_CODE_PATTERN, code)) return refusedArgument("The site code");
  const values: Record<string, unknown> = { ...formDataToObject(formData), code };
  const parsed = siteInputSchema.safeParse(values);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateSite({ code, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") return fromDomainError(error, { ...(await getSite(code)) });
    return fromDomainError(error, values);
  }
  revalidatePath("/sites");
  redirect(`/sites/${code}`);
}

export async function deleteSiteAction(code: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(SITE_CODE_PATTERN, code)) return refusedArgument("The site code");
  try {
    await deleteSite({ code });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/sites");
  redirect("/sites");
}

export async function createServerAction(siteCode: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(SITE_CODE_PATTERN, siteCode)) return refusedArgument("The site code");
  const values = { ...formDataToObject(formData), siteCode };
  const parsed = serverInputSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await createServer({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath(`/sites/${siteCode}`);
  redirect(`/sites/${siteCode}`);
}

export async function updateServerAction(name: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(NETBIOS_NAME_PATTERN, name)) return refusedArgument("The server name");
  const values: Record<string, unknown> = { ...formDataToObject(formData), name };
  const parsed = serverInputSchema.safeParse(values);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateServer({ name, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") return fromDomainError(error, { ...(await getServer(name)) });
    return fromDomainError(error, values);
  }
  revalidatePath(`/sites/${parsed.data.siteCode}`);
  redirect(`/sites/${parsed.data.siteCode}`);
}

export async function deleteServerAction(name: string, siteCode: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(NETBIOS_NAME_PATTERN, name) || !isValidBoundArgument(SITE_CODE_PATTERN, siteCode)) return refusedArgument("The server");
  try {
    await deleteServer({ name });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath(`/sites/${siteCode}`);
  redirect(`/sites/${siteCode}`);
}
