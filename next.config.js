/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: "33mb" },
  },
};

module.exports = nextConfig;
