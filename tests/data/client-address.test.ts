import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/data/auth-server";

function address(forwardedFor?: string) {
  return clientAddress(new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }));
}

describe("client address", () => {
  afterEach(() => {
    delete process.env.SMS_TRUSTED_PROXY_HOPS;
  });

  it("takes the entry the nearest hop added, not what the client put in front", () => {
    expect(address("192.0.2.7")).toBe("192.0.2.7");
    // A client's forged entry comes first; a proxy that appends puts the real address last.
    expect(address("203.0.113.66, 192.0.2.7")).toBe("192.0.2.7");
    expect(address(undefined)).toBeNull();
  });

  it("counts trusted proxies from the right", () => {
    process.env.SMS_TRUSTED_PROXY_HOPS = "2";
    expect(address("203.0.113.66, 192.0.2.7, 10.0.0.2")).toBe("192.0.2.7");
    // Fewer entries than hops: the leftmost is all there is.
    expect(address("192.0.2.7")).toBe("192.0.2.7");
  });
});
