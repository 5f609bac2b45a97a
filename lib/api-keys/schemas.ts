import { z } from "zod";

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after where it will be used.").max(80).default("Default"),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;
