/**
 * Timestamp formats of PCM's logs (digest §3.13), from client-clock milliseconds read as wall-clock
 * parts (no time zone). Each format is copied from the KB excerpts named beside it.
 */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (value: number) => String(value).padStart(2, "0");

function partsOf(ms: number) {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** "[04/09/97 17:11:08]": Pcmwin.log's line prefix (Q166765, Q237690, Q169491). */
export function pcmwinTimestamp(ms: number): string {
  const part = partsOf(ms);
  return `[${two(part.month)}/${two(part.day)}/${two(part.year % 100)} ${two(part.hour)}:${two(part.minute)}:${two(part.second)}]`;
}

/** "06/19/1998 10:39:28": the dates in Pcmwin.log's start-up lines (Q188578). */
export function pcmwinLongDate(ms: number): string {
  const part = partsOf(ms);
  return `${two(part.month)}/${two(part.day)}/${part.year} ${two(part.hour)}:${two(part.minute)}:${two(part.second)}`;
}

/**
 * "Thu Aug 27 07:29:22 1998": the raw PACMAN.LOG time (Q201764, Q193784). Single-digit days are
 * space-padded as C's asctime does; no excerpt shows one (inferred).
 */
export function pacmanRawTime(ms: number): string {
  const part = partsOf(ms);
  const day = String(part.day).padStart(2, " ");
  return `${WEEKDAYS[part.weekday]} ${MONTHS[part.month - 1]} ${day} ${two(part.hour)}:${two(part.minute)}:${two(part.second)} ${part.year}`;
}

/** "1/12/99 4:49:44 PM": PACMAN.LOG as exported from SMSTRACE (Q214448). */
export function smstraceTime(ms: number): string {
  const part = partsOf(ms);
  const hour = part.hour % 12 === 0 ? 12 : part.hour % 12;
  return `${part.month}/${part.day}/${two(part.year % 100)} ${hour}:${two(part.minute)}:${two(part.second)} ${part.hour < 12 ? "AM" : "PM"}`;
}
