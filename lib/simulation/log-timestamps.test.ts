import { describe, expect, it } from "vitest";
import { wallClockToEpochMs } from "../wall-clock";
import { pacmanRawTime, pcmwinLongDate, pcmwinTimestamp, smstraceTime } from "./log-timestamps";

const ms = wallClockToEpochMs;

describe("PCM log timestamps", () => {
  it.each([
    ["Pcmwin.log prefix (Q166765)", pcmwinTimestamp(ms("1997-04-09T17:11:08")), "[04/09/97 17:11:08]"],
    ["Pcmwin.log prefix in 2000", pcmwinTimestamp(ms("2000-01-03T08:05:09")), "[01/03/00 08:05:09]"],
    ["start-up dates (Q188578)", pcmwinLongDate(ms("1998-06-11T15:12:23")), "06/11/1998 15:12:23"],
    ["raw PACMAN.LOG (Q201764)", pacmanRawTime(ms("1998-08-27T07:29:22")), "Thu Aug 27 07:29:22 1998"],
    ["raw PACMAN.LOG (Q193784)", pacmanRawTime(ms("1998-11-10T17:56:25")), "Tue Nov 10 17:56:25 1998"],
    ["raw PACMAN.LOG, single-digit day padded as asctime does", pacmanRawTime(ms("1998-03-02T17:40:01")), "Mon Mar  2 17:40:01 1998"],
    ["SMSTRACE export, afternoon (Q214448)", smstraceTime(ms("1999-01-12T16:49:44")), "1/12/99 4:49:44 PM"],
    ["SMSTRACE export, after midnight", smstraceTime(ms("1999-01-12T00:05:00")), "1/12/99 12:05:00 AM"],
    ["SMSTRACE export, noon", smstraceTime(ms("1999-11-30T12:00:00")), "11/30/99 12:00:00 PM"],
  ])("%s", (_name, actual, expected) => expect(actual).toBe(expected));
});
