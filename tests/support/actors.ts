import type { Actor, Role } from "@/lib/access/roles";

export function testActor(role: Role): Actor {
  return { userId: null, name: `test ${role}`, role, address: "127.0.0.1", sessionId: null };
}

export const TEST_ADMINISTRATOR = testActor("administrator");
