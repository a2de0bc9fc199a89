import { describe, expect, it } from "vitest";
import { describeJobNotice, jobNoticeHref, parseJobNotice } from "./job-notice";

const job = { jobId: "BPC00041", requestId: "BPC001M", targetCount: 1 };

describe("job notices", () => {
  it.each([
    [{ kind: "created" as const }, "/jobs/BPC00041?done=created", "Job BPC00041 created. Review the findings below, then Send."],
    [{ kind: "sent" as const }, "/jobs/BPC00041?done=sent", "Job BPC00041 sent as request BPC001M to 1 target."],
    [{ kind: "fixed" as const, rule: "R43" }, "/jobs/BPC00041?done=fixed-R43", "R43's fix applied. The change is in the job's History."],
    [{ kind: "acknowledged" as const, rule: "R36" }, "/jobs/BPC00041?done=acknowledged-R36", "Warning R36 acknowledged."],
    [{ kind: "acknowledged-several" as const }, "/jobs/BPC00041?done=acknowledged-several", "The ticked warnings acknowledged, each with the one reason given."],
  ])("round-trips %j through the page address", (notice, href, sentence) => {
    expect(jobNoticeHref("BPC00041", notice)).toBe(href);
    const parsed = parseJobNotice(new URL(href, "http://console").searchParams.get("done"));
    expect(parsed).toEqual(notice);
    expect(describeJobNotice(parsed!, job)).toBe(sentence);
  });

  it.each([undefined, "", "deleted", "fixed-", "fixed-R100", "fixed-R4<script>", ["sent", "sent"], "SENT"])("ignores %j", (value) => {
    expect(parseJobNotice(value)).toBeNull();
  });
});
