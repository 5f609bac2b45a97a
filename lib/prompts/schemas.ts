import { z } from "zod";
import { PROMPT_TYPES } from "@/db/schema/prompts";

export const MAX_TEMPLATE_BYTES = 100 * 1024;
export const MAX_CONFIG_BYTES = 100 * 1024;
/** `latest` follows the newest version by itself; it can be read but never moved. */
export const LATEST = "latest";
export const PRODUCTION = "production";

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

export const PromptName = z
  .string()
  .min(1, "Give the prompt a name.")
  .max(128, "A prompt name has at most 128 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, '.', '_' and '-' only (no spaces or slashes), starting with a letter or digit.")
  // The console's page for a new prompt is /prompts/new.
  .refine((n) => n !== "new", '"new" is reserved; pick another name.');

export const LabelName = z
  .string()
  .min(1, "Give the label a name.")
  .max(64, "A label has at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, '.', '_' and '-' only, e.g. production or staging.")
  .refine((l) => l !== LATEST, "latest follows the newest version by itself; it cannot be moved.");

export const PromptType = z.enum(PROMPT_TYPES, "type is text or chat.");
export type PromptType = z.infer<typeof PromptType>;

export const ChatMessage = z.strictObject({
  role: z.enum(["system", "developer", "user", "assistant"], "role is system, developer, user or assistant."),
  content: z.string().max(MAX_TEMPLATE_BYTES),
});

const TextBody = z.string("A text prompt is one string.").min(1, "The prompt text is empty.");
const ChatBody = z.array(ChatMessage, "A chat prompt is a list of {role, content} messages.").min(1, "A chat prompt has at least one message.").max(200, "At most 200 messages.");

/** The template for a prompt of this type, at most 100 KB as JSON. */
const TOO_LARGE = `The template is larger than ${MAX_TEMPLATE_BYTES / 1024} KB.`;
export function promptBodyFor(type: PromptType): z.ZodType<string | z.infer<typeof ChatBody>> {
  return type === "text" ? TextBody.refine((b) => bytes(b) <= MAX_TEMPLATE_BYTES, TOO_LARGE) : ChatBody.refine((b) => bytes(b) <= MAX_TEMPLATE_BYTES, TOO_LARGE);
}

/** Model settings stored with a version. Known fields are checked; anything else is kept as given. */
export const PromptConfig = z
  .looseObject({
    model: z.string().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(10_000_000).optional(),
    topP: z.number().min(0).max(1).optional(),
    responseFormat: z.record(z.string(), z.unknown()).optional(),
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
  }, "config must be a JSON object, e.g. {\"model\": \"gpt-4o\", \"temperature\": 0.2}.")
  .refine((c) => bytes(c) <= MAX_CONFIG_BYTES, `config is larger than ${MAX_CONFIG_BYTES / 1024} KB.`);
export type PromptConfig = z.output<typeof PromptConfig>;

const Labels = z
  .array(LabelName)
  .max(10, "At most 10 labels at once.")
  .refine((l) => new Set(l).size === l.length, "A label is listed twice.");
const CommitMessage = z.string().trim().max(500, "A commit message has at most 500 characters.");
/** Numbers are given by the server; a body naming one is trying to rewrite a version. */
const NoVersion = z.never("Versions are immutable and numbered by the server; leave version out to save a new one.").optional();

/** POST /api/v1/prompts: the prompt and its version 1. `prompt` is checked against `type` by the verb. */
export const CreatePromptInput = z.strictObject({
  name: PromptName,
  type: PromptType,
  prompt: z.unknown(),
  config: PromptConfig.optional(),
  labels: Labels.optional(),
  commitMessage: CommitMessage.optional(),
  version: NoVersion,
});
export type CreatePromptInput = z.input<typeof CreatePromptInput>;

/** POST /api/v1/prompts/{name}/versions. */
export const NewVersionInput = z.strictObject({
  prompt: z.unknown(),
  config: PromptConfig.optional(),
  labels: Labels.optional(),
  commitMessage: CommitMessage.optional(),
  version: NoVersion,
});
export type NewVersionInput = z.input<typeof NewVersionInput>;

export const Version = z.coerce.number("version is a whole number ≥ 1.").int("version is a whole number ≥ 1.").min(1, "version is a whole number ≥ 1.").max(1e9);

/** PUT /api/v1/prompts/{name}/labels/{label} `{version}`. */
export const MoveLabelInput = z.strictObject({ version: Version });
export type MoveLabelInput = z.input<typeof MoveLabelInput>;

/** Which version a read wants: one label or one number (default the production label). */
export const PromptSelector = z
  .object({ label: z.union([LabelName, z.literal(LATEST)]).optional(), version: Version.optional() })
  .refine((s) => s.label === undefined || s.version === undefined, "Ask for a label or a version, not both.");
export type PromptSelector = z.input<typeof PromptSelector>;

export type LabelState = { label: string; version: number; movedAt: Date; movedBy: string };

/** One version as the API answers it. */
export type PromptVersionView = {
  name: string;
  type: PromptType;
  version: number;
  prompt: string | { role: string; content: string }[];
  config: Record<string, unknown>;
  /** Labels pointing at this version now, `latest` included when it is the newest. */
  labels: string[];
  commitMessage: string | null;
  createdBy: string;
  createdAt: Date;
};

export type PromptSummary = { name: string; type: PromptType; latestVersion: number; labels: LabelState[]; createdAt: Date; updatedAt: Date };
