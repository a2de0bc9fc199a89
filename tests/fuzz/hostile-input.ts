import fc from "fast-check";

/** Field names the console's forms use, so fuzzed forms reach past the first check. */
export const FORM_FIELD_NAMES = [
  "name", "email", "password", "confirmPassword", "currentPassword", "newPassword", "code", "token", "next", "reason", "comment", "comments", "role", "note",
  "siteCode", "parentCode", "smsVersion", "servicePack", "pcmPollingIntervalMinutes", "isPcmEnabled", "serverType", "isLogonServer", "isDistributionServer",
  "platform", "pcmVariant", "members", "servers", "packageId", "version", "mode", "rotateToken", "document", "file", "search", "priority",
  "target.kind", "target.smsIds", "target.machineGroupId", "target.limitToSiteCode", "target.includeSubsites", "target.platforms[]", "target.pcmVariants[]",
  "runPhase.commandLineId", "runPhase.isEnabled", "runPhase.offerAfter", "runPhase.isMandatory", "runPhase.mandatoryAfter", "runPhase.isExpiring", "runPhase.expireAfter",
  "sendPhase.isEnabled", "distributePhase.putOnSpecifiedServers", "distributePhase.serverGroupId",
  "commandLines.0.commandName", "commandLines.0.commandLine", "commandLines.0.supportedPlatforms[]", "commandLines.0.isAutomated", "commandLines.1.commandName",
  "businessDays[]", "businessHoursStart", "businessHoursEnd", "clockOffsetSeconds",
];

/** Names an attacker would try: prototypes, huge or sparse indexes, nesting under a value, odd characters. */
const HOSTILE_NAMES = ["__proto__.polluted", "constructor.prototype.polluted", "x.50000000", "commandLines", "commandLines.99999999.commandName", "target", "target.0", "a..b", "$ACTION_ID_x", "[]", "name[]", "runPhase"];

/** Text as anyone may send it: empty, long, control characters, numbers, dates, markup. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "on", "off", "true", "2026-12-31T23:59", "1998-02-30T25:61", "BPC", "MDM00005", "<script>", "%c0", "\u0000", "A".repeat(5_000)),
  fc.nat().map(String),
);

export const hostileFieldName = fc.oneof(fc.constantFrom(...FORM_FIELD_NAMES), fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 30 }));

/** A form post: some fields by the console's names, some hostile ones, and now and then a file. */
export const hostileForm = fc
  .tuple(fc.array(fc.tuple(hostileFieldName, hostileText), { maxLength: 25 }), fc.option(fc.tuple(fc.constantFrom("file", "document", "upload"), fc.uint8Array({ maxLength: 256 })), { nil: undefined }))
  .map(([fields, file]) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    if (file) form.append(file[0], new Blob([file[1]]), "upload.bin");
    return form;
  });
