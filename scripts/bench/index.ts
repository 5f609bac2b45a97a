// `npm run bench`: every benchmark, each reporting a ratio against a baseline
// measured in the same run (machines are noisy; ratios travel). The ingest
// benchmark serves the production build: run `npm run build` first.
import { benchApiKeyAuth } from "./api-key-auth";
import { benchDashboard } from "./dashboard";
import { benchFlags } from "./flags";
import { benchIngest } from "./ingest";
import { benchReliability } from "./reliability";
import { benchSdk } from "./sdk";

const only = process.argv[2];
const benches = { "api-key-auth": benchApiKeyAuth, ingest: benchIngest, sdk: benchSdk, dashboard: benchDashboard, flags: benchFlags, reliability: benchReliability };

for (const [id, bench] of Object.entries(benches)) {
  if (only && only !== id) continue;
  const { name, result } = await bench();
  console.log(`${name}: ${result}`);
}
