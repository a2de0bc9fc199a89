/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Native addon: loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  experimental: {
    // Site documents are the largest upload; anything bigger is refused before it reaches an action.
    serverActions: { bodySizeLimit: "33mb" },
    // proxy.ts sees every request, and Next buffers at most this much of a body for it: the same limit.
    proxyClientMaxBodySize: "33mb",
    // forbidden() and unauthorized() answer 403 and 401 from pages (app/forbidden.tsx, app/unauthorized.tsx).
    authInterrupts: true,
  },
};

module.exports = nextConfig;
