"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { createPackage, deletePackage, getPackage, updatePackage } from "@/lib/data/packages/packages";
import { isDomainError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { packageInputSchema } from "@/lib/packages/schema";
import { recordVersionSchema } from "@/lib/schema-fields";
import { PACKAGE_ID_PATTERN } from "@/lib/sms-id";
import { packageToFormValues } from "./form-values";
import { actionRefusal } from "../access";

export async function createPackageAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("packages:write");
  if (refusal) return fromDomainError(refusal, {});
  const values = formDataToObject(formData);
  const parsed = packageInputSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let packageId: string;
  try {
    packageId = await createPackage({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/packages");
  redirect(`/packages/${packageId}?done=created`);
}

export async function updatePackageAction(packageId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("packages:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(PACKAGE_ID_PATTERN, packageId)) return refusedArgument("The package ID");
  const values = formDataToObject(formData);
  const parsed = packageInputSchema.safeParse(values);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updatePackage({ packageId: packageId, version: version.data, input: parsed.data });
  } catch (error) {
    // On a conflict the form shows the record as it is now, so nothing is overwritten blindly.
    if (isDomainError(error) && error.code === "conflict") {
      const current = await getPackage(packageId);
      return fromDomainError(error, current ? packageToFormValues(current) : values);
    }
    return fromDomainError(error, values);
  }
  revalidatePath("/packages");
  revalidatePath(`/packages/${packageId}`);
  redirect(`/packages/${packageId}?done=saved`);
}

export async function deletePackageAction(packageId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("packages:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(PACKAGE_ID_PATTERN, packageId)) return refusedArgument("The package ID");
  try {
    await deletePackage({ packageId: packageId });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/packages");
  redirect("/packages");
}
