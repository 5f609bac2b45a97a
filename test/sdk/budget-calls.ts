// Shared by the budget tests: calls through a budgeted client until the budget refuses one.
import type { Sextant } from "@sextant/sdk";
import type OpenAI from "openai";

export const ask = (content: string, model = "gpt-4o") => ({ model, messages: [{ role: "user" as const, content }] });
/** gpt-4o's price in the tests' limits: $2.50 in, $10 out per million tokens. */
export const cost = (a: OpenAI.ChatCompletion) => (a.usage!.prompt_tokens * 2.5 + a.usage!.completion_tokens * 10) / 1e6;

/** Up to 50 calls in one trace on `endpoint`; the answers served and the error that stopped them (if any). */
export async function callUntilRefused(sx: Sextant, ai: OpenAI, endpoint: string): Promise<{ served: OpenAI.ChatCompletion[]; stopped: unknown }> {
  const served: OpenAI.ChatCompletion[] = [];
  const stopped = await sx.trace("budget", async () => {
    for (let i = 0; i < 50; i++) {
      try {
        served.push(await ai.chat.completions.create(ask(`budget ${i}`)));
      } catch (err) {
        return err;
      }
    }
    return undefined;
  }, { endpoint });
  return { served, stopped };
}
