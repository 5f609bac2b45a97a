/** The copy-paste start for a new project; the secret key comes from the environment, never the page. */
export function SdkSnippet({ origin }: { origin: string }) {
  const code = `npm install @sextant/sdk

# .env of your app
SEXTANT_BASE_URL=${origin}
SEXTANT_SECRET_KEY=sk-…   # shown once when you create a key

// app code
import OpenAI from "openai";
import { Sextant } from "@sextant/sdk";

const sextant = new Sextant(); // reads SEXTANT_BASE_URL and SEXTANT_SECRET_KEY
const openai = sextant.wrapOpenAI(new OpenAI());

# check the key from a shell
curl -H "Authorization: Bearer $SEXTANT_SECRET_KEY" ${origin}/api/v1/project`;
  return (
    <pre className="overflow-x-auto rounded-md border bg-muted p-4 font-mono text-xs leading-relaxed" aria-label="SDK setup snippet">
      <code>{code}</code>
    </pre>
  );
}
