import { z } from "zod";

// The review-queue contract (issue 9). Routes, server actions, forms and docs import these.

const Name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "Use 1–40 letters, digits, '.', '_' or '-', starting with a letter or digit.");

/** One line of the rubric. `numeric` needs min < max, `categorical` its options; the others take neither. */
export const RubricItem = z
  .object({
    name: Name,
    type: z.enum(["numeric", "categorical", "boolean", "text"]),
    description: z.string().max(1_000).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(20).optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (item.type === "numeric") {
      if (item.min === undefined || item.max === undefined) add(item.min === undefined ? "min" : "max", "A numeric score needs min and max.");
      else if (item.min >= item.max) add("max", "max must be greater than min.");
    } else if (item.min !== undefined || item.max !== undefined) add(item.min !== undefined ? "min" : "max", `A ${item.type} score takes no min or max.`);
    if (item.type === "categorical") {
      if (!item.options) add("options", "A categorical score needs its options (2–20).");
      else if (new Set(item.options).size !== item.options.length) add("options", "Options must be different from each other.");
    } else if (item.options) add("options", `A ${item.type} score takes no options.`);
  });
export type RubricItem = z.infer<typeof RubricItem>;

export const Rubric = z
  .array(RubricItem)
  .min(1, "Give the rubric at least one score.")
  .max(20)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${item.name}" is in the rubric twice.` });
      seen.add(item.name);
    });
  });

const Value = (max: number) => z.string().min(1).max(max);

/**
 * Which requests a sampling rule takes: the explorer's exact-match filters (all given must
 * match) plus `feedback: "negative"`, which applies when negative user feedback arrives.
 */
export const SamplingFilter = z
  .object({
    model: Value(128).optional(),
    provider: Value(64).optional(),
    endpoint: Value(256).optional(),
    userId: Value(256).optional(),
    sessionId: Value(256).optional(),
    environment: Value(64).optional(),
    status: z.enum(["ok", "error"]).optional(),
    errorType: Value(128).optional(),
    promptName: Value(256).optional(),
    promptVersion: z.number().int().min(1).max(1e9).optional(),
    tags: z.array(Value(128)).max(20).optional(),
    metadata: z.record(Value(128), Value(2_000)).optional(),
    flags: z.record(Value(128), Value(128)).optional(),
    feedback: z.literal("negative").optional(),
  })
  .strict();
export type SamplingFilter = z.infer<typeof SamplingFilter>;

/** rate: percent of matching requests, 0–100 in steps of 0.01, decided by a hash of the request id. */
export const SamplingRule = z
  .object({
    filter: SamplingFilter.default({}),
    rate: z
      .number()
      .min(0)
      .max(100)
      .refine((r) => Number.isInteger(Math.round(r * 100)) && Math.abs(r * 100 - Math.round(r * 100)) < 1e-9, "Give the rate in steps of 0.01 %."),
  })
  .strict();
export type SamplingRule = z.infer<typeof SamplingRule>;

const QueueFields = {
  name: z.string().trim().min(1, "Name the queue.").max(100),
  description: z.string().max(2_000).nullable().optional(),
  /** Markdown; the console renders it without HTML. */
  instructions: z.string().max(20_000).nullable().optional(),
  rubric: Rubric,
  allowCorrection: z.boolean().optional(),
  /** 1, or 2+ to measure agreement between reviewers. */
  reviewsPerItem: z.number().int().min(1).max(10).optional(),
  /** User ids; empty = any reviewer-or-above of the project. */
  reviewers: z.array(z.uuid()).max(200).optional(),
  samplingRules: z.array(SamplingRule).max(20).optional(),
  /** How long a claim holds an item, default 300 s. */
  lockSeconds: z.number().int().min(10).max(86_400).optional(),
};

export const CreateQueueInput = z.object(QueueFields).strict();
export type CreateQueueInput = z.input<typeof CreateQueueInput>;

export const UpdateQueueInput = z
  .object({ ...QueueFields, name: QueueFields.name.optional(), rubric: Rubric.optional() })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "Give at least one field to change.", path: [] });
export type UpdateQueueInput = z.input<typeof UpdateQueueInput>;

const RequestIdField = z.string().min(1).max(128);
const Priority = z.number().int().min(-1_000).max(1_000);

export const AddItemsInput = z
  .object({
    requestIds: z.array(RequestIdField).min(1, "Give at least one request id.").max(1_000),
    priority: Priority.optional(),
  })
  .strict();
export type AddItemsInput = z.input<typeof AddItemsInput>;

/** The SDK's `sextant.escalate(…)`: a request (or a trace's last model call) handed to people. `queue` is its name or id. */
export const EscalateInput = z
  .object({
    requestId: RequestIdField.optional(),
    traceId: RequestIdField.optional(),
    queue: z.string().trim().min(1).max(100),
    reason: z.string().max(2_000).optional(),
    priority: Priority.optional(),
  })
  .strict()
  .refine((e) => (e.requestId === undefined) !== (e.traceId === undefined), { message: "Give requestId or traceId (one of them).", path: ["requestId"] });
export type EscalateInput = z.input<typeof EscalateInput>;

export const ScoreValue = z.union([z.number().finite(), z.boolean(), z.string().max(5_000)]);

export const CompleteInput = z
  .object({
    scores: z.record(z.string().min(1).max(40), ScoreValue),
    /** The output as it should have been: text, or any JSON (e.g. a message). */
    correctedOutput: z.unknown().optional(),
    comment: z.string().max(5_000).optional(),
  })
  .strict();
export type CompleteInput = z.input<typeof CompleteInput>;
