import { absoluteCommandPath } from "./requirements/absolute-command-path";
import { backgroundJobNotMandatoryBeforeSp3 } from "./requirements/background-job-not-mandatory-before-sp3";
import { backgroundJobRunsAtOffer } from "./requirements/background-job-runs-at-offer";
import { backgroundJobWithoutUserInputFlag } from "./requirements/background-job-without-user-input-flag";
import { broadTargetForPlatformPackage } from "./requirements/broad-target-for-platform-package";
import { cancelSeveralJobsRule } from "./requirements/can-cancel-jobs";
import { deleteActiveJobRule } from "./requirements/can-delete-job";
import { deletePackageInUseRule } from "./requirements/can-delete-package";
import { changedSourceNotResent } from "./requirements/changed-source-not-resent";
import { clientClockOffset } from "./requirements/client-clock-offset";
import { clientInOtherTimeZone } from "./requirements/client-in-other-time-zone";
import { dateIn2037OrLater } from "./requirements/date-in-2037-or-later";
import { desktopJobWithoutUserRights } from "./requirements/desktop-job-without-user-rights";
import { driveLetterInCommandLine } from "./requirements/drive-letter-in-command-line";
import { duplicateSmsId } from "./requirements/duplicate-sms-id";
import { emptyPackageSource } from "./requirements/empty-package-source";
import { emptyTargetList } from "./requirements/empty-target-list";
import { expiresBeforeClientsSeeIt } from "./requirements/expires-before-clients-see-it";
import { expiryOverwritesStatus } from "./requirements/expiry-overwrites-status";
import { expirySniFlood } from "./requirements/expiry-sni-flood";
import { installerRestartUnderService } from "./requirements/installer-restart-under-service";
import { instructionFileNotReread } from "./requirements/instruction-file-not-reread";
import { invalidSiteCode } from "./requirements/invalid-site-code";
import { longCommandName } from "./requirements/long-command-name";
import { longFileNamesOnNonNtfsServers } from "./requirements/long-file-names-on-non-ntfs-servers";
import { longLogonServerName } from "./requirements/long-logon-server-name";
import { machinePathWithColons } from "./requirements/machine-path-with-colons";
import { macintoshNameClash } from "./requirements/macintosh-name-clash";
import { macintoshPackageStorage } from "./requirements/macintosh-package-storage";
import { macintoshPathWithoutColon } from "./requirements/macintosh-path-without-colon";
import { mandatoryWithoutDate } from "./requirements/mandatory-without-date";
import { manyNetwareServersBeforeSp2 } from "./requirements/many-netware-servers-before-sp2";
import { missingRunPhase } from "./requirements/missing-run-phase";
import { mstestRuntimeUnderEarlyService } from "./requirements/mstest-runtime-under-early-service";
import { netwareLogonServerForNt } from "./requirements/netware-logon-server-for-nt";
import { netxClientStatus } from "./requirements/netx-client-status";
import { nonDefaultServerSelection } from "./requirements/non-default-server-selection";
import { notMandatoryOverSlowLink } from "./requirements/not-mandatory-over-slow-link";
import { refusedShareName } from "./requirements/refused-share-name";
import { oneJobForSeveralChildSites } from "./requirements/one-job-for-several-child-sites";
import { osUpgradeUnderService } from "./requirements/os-upgrade-under-service";
import { outdatedPcmService } from "./requirements/outdated-pcm-service";
import { overdueMandatoryJobsOutOfOrder } from "./requirements/overdue-mandatory-jobs-out-of-order";
import { pcmDisabledAtSite } from "./requirements/pcm-disabled-at-site";
import { pcmServiceAccountRights } from "./requirements/pcm-service-account-rights";
import { pcmServiceAccountScope } from "./requirements/pcm-service-account-scope";
import { pcmServiceBlocksClientUpgrade } from "./requirements/pcm-service-blocks-client-upgrade";
import { pcmServiceIneligibleClient } from "./requirements/pcm-service-ineligible-client";
import { pcmServiceNotRunning } from "./requirements/pcm-service-not-running";
import { pcmServiceOnMips } from "./requirements/pcm-service-on-mips";
import { pcmServiceReplaceable } from "./requirements/pcm-service-replaceable";
import { pcmServiceStartOverSlowLink } from "./requirements/pcm-service-start-over-slow-link";
import { pcmwin32AutoStart } from "./requirements/pcmwin32-auto-start";
import { putWithoutRefresh } from "./requirements/put-without-refresh";
import { removedDistributionServer } from "./requirements/removed-distribution-server";
import { restartInBusinessHours } from "./requirements/restart-in-business-hours";
import { restartWithoutSynchronousExit } from "./requirements/restart-without-synchronous-exit";
import { runDatesOutOfOrder } from "./requirements/run-dates-out-of-order";
import { sendOnlyJob } from "./requirements/send-only-job";
import { serviceCommandLineNotAutomated } from "./requirements/service-command-line-not-automated";
import { serviceCommandNeedsInput } from "./requirements/service-command-needs-input";
import { shortPollingInterval } from "./requirements/short-polling-interval";
import { siteServerDiskSpace } from "./requirements/site-server-disk-space";
import { sp4RunsAfterExpiry } from "./requirements/sp4-runs-after-expiry";
import { staleInventory } from "./requirements/stale-inventory";
import { statusMifFloodAtCentralSite } from "./requirements/status-mif-flood-at-central-site";
import { staleLogonServer } from "./requirements/stale-logon-server";
import { synchronousExitOnSp4Pcm } from "./requirements/synchronous-exit-on-sp4-pcm";
import { uncCommandLineOnAffectedPcm } from "./requirements/unc-command-line-on-affected-pcm";
import { unquotedMacintoshCommand } from "./requirements/unquoted-macintosh-command";
import { unsupportedPlatform } from "./requirements/unsupported-platform";
import { windows95HourLate } from "./requirements/windows95-hour-late";
import { windows95ToNtUpgrade } from "./requirements/windows95-to-nt-upgrade";
import type { OperationRule, RequirementRule } from "./rule";

/** Every rule the job review runs, in catalogue order. */
export const REQUIREMENT_RULES: readonly RequirementRule[] = [
  serviceCommandLineNotAutomated, // R1
  desktopJobWithoutUserRights, // R2
  serviceCommandNeedsInput, // R3
  backgroundJobNotMandatoryBeforeSp3, // R4
  backgroundJobWithoutUserInputFlag, // R5
  backgroundJobRunsAtOffer, // R6
  driveLetterInCommandLine, // R7
  absoluteCommandPath, // R8
  uncCommandLineOnAffectedPcm, // R9
  unquotedMacintoshCommand, // R10
  macintoshPathWithoutColon, // R11
  longCommandName, // R12
  mstestRuntimeUnderEarlyService, // R15
  emptyPackageSource, // R19
  longFileNamesOnNonNtfsServers, // R20
  macintoshPackageStorage, // R21
  changedSourceNotResent, // R22
  installerRestartUnderService, // R23
  restartWithoutSynchronousExit, // R24
  synchronousExitOnSp4Pcm, // R25
  osUpgradeUnderService, // R26
  windows95ToNtUpgrade, // R27
  missingRunPhase, // R31
  sendOnlyJob, // R32
  mandatoryWithoutDate, // R33
  runDatesOutOfOrder, // R34
  expiresBeforeClientsSeeIt, // R35
  expirySniFlood, // R36
  sp4RunsAfterExpiry, // R37
  expiryOverwritesStatus, // R38
  instructionFileNotReread, // R39
  restartInBusinessHours, // R41
  overdueMandatoryJobsOutOfOrder, // R42
  notMandatoryOverSlowLink, // R43
  windows95HourLate, // R44
  clientInOtherTimeZone, // R45
  dateIn2037OrLater, // R46
  machinePathWithColons, // R47
  emptyTargetList, // R48
  broadTargetForPlatformPackage, // R49
  macintoshNameClash, // R50
  oneJobForSeveralChildSites, // R51
  statusMifFloodAtCentralSite, // R53
  putWithoutRefresh, // R54
  refusedShareName, // R55
  siteServerDiskSpace, // R56
  removedDistributionServer, // R57
  manyNetwareServersBeforeSp2, // R58
  staleInventory, // R59
  unsupportedPlatform, // R60
  pcmServiceIneligibleClient, // R61
  pcmServiceOnMips, // R62
  pcmServiceNotRunning, // R63
  netwareLogonServerForNt, // R64
  shortPollingInterval, // R65
  pcmDisabledAtSite, // R66
  outdatedPcmService, // R67
  pcmServiceBlocksClientUpgrade, // R68
  pcmwin32AutoStart, // R69
  pcmServiceAccountRights, // R70
  pcmServiceAccountScope, // R71
  pcmServiceReplaceable, // R72
  pcmServiceStartOverSlowLink, // R74
  clientClockOffset, // R75
  duplicateSmsId, // R76
  staleLogonServer, // R77
  longLogonServerName, // R78
  netxClientStatus, // R80
  invalidSiteCode, // R81
  nonDefaultServerSelection, // R82
];

/** R83-R85: operations on existing jobs and packages; their predicates live beside them. */
export const OPERATION_RULES: readonly OperationRule[] = [deleteActiveJobRule, cancelSeveralJobsRule, deletePackageInUseRule];
