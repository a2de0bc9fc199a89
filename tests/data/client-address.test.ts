import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/data/accounts/auth-server";
import { SOCKET_ADDRESS_HEADER, SOCKET_STAMP_HEADER, stampSocketAddresses } from "@/lib/security/socket-address";

/**
 * A real HTTP server in this process, stamped as the console's server is (instrumentation.ts); it
 * answers with the address clientAddress() gives for the request.
 */
let server: http.Server;
let port: number;

beforeAll(async () => {
  stampSocketAddresses();
  server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    response.end(JSON.stringify(clientAddress(headers)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  delete process.env.SMS_TRUSTED_PROXY_HOPS;
});

async function addressSeen(headers: Record<string, string> = {}): Promise<string | null> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return JSON.parse(await response.text());
}

describe("client address", () => {
  it("is the connection's address by default, whatever X-Forwarded-For says", async () => {
    expect(await addressSeen()).toBe("127.0.0.1");
    expect(await addressSeen({ "X-Forwarded-For": "203.0.113.66" })).toBe("127.0.0.1");
    expect(await addressSeen({ "X-Forwarded-For": "203.0.113.66, 192.0.2.7" })).toBe("127.0.0.1");
    // The stamp's own headers sent by the client are replaced by the server's.
    expect(await addressSeen({ [SOCKET_ADDRESS_HEADER]: "203.0.113.66", [SOCKET_STAMP_HEADER]: "guess" })).toBe("127.0.0.1");
  });

  it("is no address at all for headers the server did not stamp", () => {
    expect(clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.66", [SOCKET_STAMP_HEADER]: "guess", "x-forwarded-for": "203.0.113.66" }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("takes the entry the nearest trusted proxy added when SMS_TRUSTED_PROXY_HOPS is set", async () => {
    process.env.SMS_TRUSTED_PROXY_HOPS = "1";
    expect(await addressSeen({ "X-Forwarded-For": "192.0.2.7" })).toBe("192.0.2.7");
    // A client's forged entry comes first; a proxy that appends puts the real address last.
    expect(await addressSeen({ "X-Forwarded-For": "203.0.113.66, 192.0.2.7" })).toBe("192.0.2.7");
    // No header: the proxy's own connection.
    expect(await addressSeen()).toBe("127.0.0.1");
  });

  it("counts trusted proxies from the right", async () => {
    process.env.SMS_TRUSTED_PROXY_HOPS = "2";
    expect(await addressSeen({ "X-Forwarded-For": "203.0.113.66, 192.0.2.7, 10.0.0.2" })).toBe("192.0.2.7");
    // Fewer entries than hops: the leftmost is all there is.
    expect(await addressSeen({ "X-Forwarded-For": "192.0.2.7" })).toBe("192.0.2.7");
  });

  it.each(["", "0", "-1", "two", "1.5", "100"])("trusts no proxy for SMS_TRUSTED_PROXY_HOPS=%j", async (setting) => {
    process.env.SMS_TRUSTED_PROXY_HOPS = setting;
    expect(await addressSeen({ "X-Forwarded-For": "203.0.113.66" })).toBe("127.0.0.1");
  });
});

describe("requests Next.js cannot route", () => {
  it.each([
    ["TRACE", "/"],
    ["GET", "/pcmins.box/%c0"],
  ])("answers %s %s with 400 and the security headers before any handler runs", async (method, url) => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method, path: url }, resolve);
      request.on("error", reject);
      request.end();
    });
    response.resume();
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});
