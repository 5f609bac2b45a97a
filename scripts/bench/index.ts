// `npm run bench`: every benchmark, each reporting a ratio against a baseline
// measured in the same run (machines are noisy; ratios travel).
import { benchApiKeyAuth } from "./api-key-auth";

const benches = [benchApiKeyAuth];

for (const bench of benches) {
  const { name, result } = await bench();
  console.log(`${name}: ${result}`);
}
