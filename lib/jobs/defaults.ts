import { addDays } from "../wall-clock";

/** SMS set a new Mandatory After date one week ahead (Q238315): of the offer, or of now. */
export const DEFAULT_MANDATORY_DAYS = 7;

export function defaultMandatoryAfter(offerAfter: string | undefined, now: string): string {
  return addDays(offerAfter ?? now, DEFAULT_MANDATORY_DAYS);
}

/** A run phase made mandatory without a date gets the SMS default, as the form's check box does. */
export function withRunPhaseDefaults<T extends { runPhase: { isMandatory: boolean; mandatoryAfter?: string; offerAfter?: string } }>(definition: T, now: string): T {
  const { runPhase } = definition;
  if (!runPhase.isMandatory || runPhase.mandatoryAfter) return definition;
  return { ...definition, runPhase: { ...runPhase, mandatoryAfter: defaultMandatoryAfter(runPhase.offerAfter, now) } };
}
