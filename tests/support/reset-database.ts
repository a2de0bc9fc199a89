import { db } from "@/lib/db";

/** Empties every table, children first, so each test starts from nothing. */
export async function resetDatabase(): Promise<void> {
  await db.jobTransition.deleteMany();
  await db.jobServer.deleteMany();
  await db.jobTarget.deleteMany();
  await db.job.deleteMany();
  await db.packageServer.deleteMany();
  await db.machineGroupServer.deleteMany();
  await db.machineGroupMember.deleteMany();
  await db.machineGroup.deleteMany();
  await db.inventoryQuery.deleteMany();
  await db.workstationCommandLine.deleteMany();
  await db.package.deleteMany();
  await db.computer.deleteMany();
  await db.server.deleteMany();
  await db.site.updateMany({ data: { parentCode: null } });
  await db.site.deleteMany();
  await db.auditEvent.deleteMany();
  await db.instructionFileFetch.deleteMany();
  await db.signInThrottle.deleteMany();
  await db.session.deleteMany();
  await db.account.deleteMany();
  await db.twoFactor.deleteMany();
  await db.user.deleteMany();
}
