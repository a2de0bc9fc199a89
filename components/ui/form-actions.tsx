import { Button, ButtonLink } from "./button";

/** A form's Save (or Create) and Cancel, with the pending state while the action runs. */
export function FormActions({ isPending, submitLabel, cancelHref }: { isPending: boolean; submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : submitLabel}
      </Button>
      <ButtonLink href={cancelHref}>Cancel</ButtonLink>
    </div>
  );
}
