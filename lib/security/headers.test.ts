import { describe, expect, it } from "vitest";
import { checkRequestOrigin, contentSecurityPolicy, malformedRequestReason } from "./headers";

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

describe("content security policy", () => {
  it("allows scripts only with the nonce, and no plugins, framing or eval in production", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("unsafe-inline");
  });
});

describe("same-origin rule for changes", () => {
  it("lets reads through from anywhere", () => {
    expect(checkRequestOrigin(request("GET", { host: "console:3000", origin: "https://evil.example" })).allowed).toBe(true);
  });

  it("accepts a change from the console's own origin", () => {
    expect(checkRequestOrigin(request("POST", { host: "localhost:3000", origin: "http://localhost:3000" })).allowed).toBe(true);
    expect(checkRequestOrigin(request("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "sms.example.com", origin: "https://sms.example.com" })).allowed).toBe(true);
  });

  it("refuses another origin, Origin: null and a missing Origin", () => {
    expect(checkRequestOrigin(request("POST", { host: "localhost:3000", origin: "http://evil.example" }))).toEqual({ allowed: false, reason: "the request comes from another origin (http://evil.example)" });
    expect(checkRequestOrigin(request("POST", { host: "localhost:3000", origin: "null" }))).toEqual({ allowed: false, reason: "the request's Origin is null" });
    expect(checkRequestOrigin(request("DELETE", { host: "localhost:3000" }))).toEqual({ allowed: false, reason: "the request has no Origin header" });
    expect(checkRequestOrigin(request("PUT", { host: "localhost:3000", origin: "not a url" })).allowed).toBe(false);
    // A look-alike host with the console's name as a prefix is another origin.
    expect(checkRequestOrigin(request("POST", { host: "localhost:3000", origin: "http://localhost:3000.evil.example" })).allowed).toBe(false);
  });

  it("accepts the configured public URL behind a proxy that rewrites Host", () => {
    expect(checkRequestOrigin(request("POST", { host: "127.0.0.1:3000", origin: "https://sms.example.com" }), { publicOrigin: "https://sms.example.com" }).allowed).toBe(true);
  });
});

describe("malformed requests", () => {
  it.each([
    ["GET", "/packages/%c0", "the address has malformed percent-encoding"],
    ["GET", "/%E0%A4%A", "the address has malformed percent-encoding"],
    ["POST", "/jobs/%", "the address has malformed percent-encoding"],
    ["TRACE", "/", "the TRACE method is not supported"],
    ["track", "/packages", "the TRACK method is not supported"],
  ])("refuses %s %s", (method, pathname, reason) => {
    expect(malformedRequestReason({ method, pathname })).toBe(reason);
  });

  // A NUL in a search reached PostgreSQL from the computers, packages and jobs lists as a 500.
  it.each([
    ["/computers", "?search=%00", 'the query parameter "search" contains a control character'],
    ["/jobs", "?state=ACTIVE&search=a%0Ab", 'the query parameter "search" contains a control character'],
    ["/computers", "?siteCode=B%7FC", 'the query parameter "siteCode" contains a control character'],
    ["/audit", "?%01=x", "a query parameter's name contains a control character"],
  ])("refuses GET %s%s", (pathname, search, reason) => {
    expect(malformedRequestReason({ method: "GET", pathname, search })).toBe(reason);
  });

  it.each(["", "?search=caf%C3%A9&page=2", "?search=%25c0", "?q=a+b"])("lets the query %j through", (search) => {
    expect(malformedRequestReason({ method: "GET", pathname: "/computers", search })).toBeNull();
  });

  it.each([
    ["GET", "/packages/BPC00001"],
    ["GET", "/packages/caf%C3%A9"],
    ["POST", "/jobs/new"],
    ["OPTIONS", "/"],
  ])("lets %s %s through", (method, pathname) => {
    expect(malformedRequestReason({ method, pathname })).toBeNull();
  });
});
