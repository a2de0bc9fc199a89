import { describe, expect, it } from "vitest";
import type { Finding } from "../rules/rule";
import { findingsSinceSend, freezeReview, KEPT_SUBJECTS, parseReviewAtSend } from "./review-at-send";

const finding = (rule: `R${number}`, severity: Finding["severity"], subjectCount = 1): Finding => ({
  rule,
  severity,
  title: `${rule} title`,
  message: `${rule} message`,
  why: "why",
  sources: ["Q166765"],
  subjects: Array.from({ length: subjectCount }, (_, index) => ({ kind: "computer", id: `MDM${String(index).padStart(5, "0")}` })),
  fix: { form: "job", field: "runPhase.isMandatory", value: true, text: "Make it mandatory." },
});

const atSend = freezeReview({
  sentBy: "admin@example.com",
  sentAt: "2026-12-06T20:00:00.000Z",
  targetCount: 120,
  findings: [finding("R36", "warning", 120), finding("R12", "info")],
  acknowledgements: [{ rule: "R36", reason: "Checked", actor: "admin@example.com", at: "2026-12-06T19:59:00.000Z" }],
  notChecked: [{ rule: "R75", reason: "clock offset not recorded" }],
});

describe("the review kept at Send", () => {
  it("keeps the first subjects of a large finding and how many there were", () => {
    expect(atSend.findings[0]!.subjects).toHaveLength(KEPT_SUBJECTS);
    expect(atSend.findings[0]!.subjectCount).toBe(120);
  });

  it("reads back what it stored", () => {
    expect(parseReviewAtSend(JSON.stringify(atSend))).toEqual(atSend);
  });

  it.each([null, "", "{", "[]", JSON.stringify({ ...atSend, findings: [{ rule: "DROP TABLE" }] }), JSON.stringify({ ...atSend, targetCount: -1 })])("treats %j as not kept", (stored) => {
    expect(parseReviewAtSend(stored)).toBeNull();
  });

  it("shows apart a rule new since Send and one grown more severe, not one that stayed", () => {
    const today = [finding("R36", "warning"), finding("R12", "error"), finding("R54", "warning")];
    expect(findingsSinceSend(atSend, today).map((entry) => [entry.rule, entry.severity])).toEqual([
      ["R12", "error"],
      ["R54", "warning"],
    ]);
  });
});
