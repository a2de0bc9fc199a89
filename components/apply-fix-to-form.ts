"use client";

import type { FixValue } from "@/lib/rules/rule";

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isFormControl = (element: Element): element is FormControl =>
  element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;

/** Sets a value the way typing would, so React's controlled fields see the change too. */
function setNativeValue(control: FormControl, value: string) {
  const prototype = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(control, value);
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.dispatchEvent(new Event("change", { bubbles: true }));
}

/**
 * Sets one field of a form to a finding's fix value (ticking, unticking or filling it), whether
 * the field is controlled by React or not, so the form's findings are worked out again.
 * Returns false when the form has no such field.
 */
export function applyFixToForm(form: HTMLFormElement, field: string, value: FixValue): boolean {
  const controls = [...form.elements].filter(isFormControl).filter((control) => control.name === field || control.name === `${field}[]`);
  const [first] = controls;
  if (!first) return false;
  for (const control of controls) {
    if (control instanceof HTMLInputElement && control.type === "checkbox") {
      const shouldBeChecked = typeof value === "boolean" ? value : Array.isArray(value) ? value.includes(control.value) : control.value === String(value);
      // A click fires the events React listens to for check boxes.
      if (control.checked !== shouldBeChecked) control.click();
    } else {
      setNativeValue(control, String(value));
    }
  }
  first.focus();
  return true;
}
