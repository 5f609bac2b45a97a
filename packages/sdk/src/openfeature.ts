import {
  OpenFeatureEventEmitter,
  ProviderEvents,
  type ErrorCode,
  type EvaluationContext as OpenFeatureContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from "@openfeature/server-sdk";
import { FlagsClient, type FlagEvaluation, type FlagsClientOptions } from "./flags-client.js";
import type { EvaluationContext } from "./flags/compile.js";
import type { FlagType } from "./flags/schema.js";

/**
 * `@sextant/sdk/openfeature`: an OpenFeature server provider on the SDK's local engine.
 * Evaluations run in-process on the config `sextant.flags` keeps current (no request per
 * evaluation); answers match the OFREP routes', metadata included. Pass the flags client of
 * your `Sextant` (shared config and exposures) or options to make one of its own.
 *
 * ```ts
 * await OpenFeature.setProviderAndWait(new SextantProvider(sextant.flags));
 * ```
 */
export class SextantProvider implements Provider {
  readonly metadata = { name: "Sextant" } as const;
  readonly runsOn = "server" as const;
  readonly events = new OpenFeatureEventEmitter();
  readonly client: FlagsClient;
  private readonly owned: boolean;
  private readonly unsubscribe: () => void;

  constructor(source: FlagsClient | FlagsClientOptions) {
    this.owned = !(source instanceof FlagsClient);
    this.client = source instanceof FlagsClient ? source : new FlagsClient(source);
    this.unsubscribe = this.client.onChange((revision) => this.events.emit(ProviderEvents.ConfigurationChanged, { message: `flag revision ${revision}` }));
  }

  /** Ready once a config is loaded (server, persisted file or bootstrap); otherwise the SDK marks the provider as errored and evaluations answer defaults. */
  async initialize(): Promise<void> {
    if (!(await this.client.ready())) throw new Error(`Sextant flags could not be loaded: ${this.client.status().lastError ?? "no config yet"}`);
  }

  async onClose(): Promise<void> {
    this.unsubscribe();
    if (this.owned) await this.client.close();
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: OpenFeatureContext): Promise<ResolutionDetails<boolean>> {
    return Promise.resolve(this.resolve(flagKey, defaultValue, context, "boolean"));
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: OpenFeatureContext): Promise<ResolutionDetails<string>> {
    return Promise.resolve(this.resolve(flagKey, defaultValue, context, "string"));
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: OpenFeatureContext): Promise<ResolutionDetails<number>> {
    return Promise.resolve(this.resolve(flagKey, defaultValue, context, "number"));
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: OpenFeatureContext): Promise<ResolutionDetails<T>> {
    return Promise.resolve(this.resolve(flagKey, defaultValue, context, "json"));
  }

  private resolve<T>(flagKey: string, defaultValue: T, context: OpenFeatureContext, type: FlagType): ResolutionDetails<T> {
    const r = this.client.evaluate(flagKey, defaultValue, context as EvaluationContext, type) as FlagEvaluation<T>;
    if (r.reason === "ERROR") return { value: defaultValue, reason: "ERROR", errorCode: r.errorCode as ErrorCode | undefined, errorMessage: r.errorMessage };
    // The same metadata the OFREP routes answer, so both providers give identical details.
    const flagMetadata: Record<string, string | number> = { environment: this.client.environment };
    if (r.ruleIndex !== undefined) flagMetadata.ruleIndex = r.ruleIndex;
    if (r.ruleId !== undefined) flagMetadata.ruleId = r.ruleId;
    return { value: r.value, variant: r.variant, reason: r.reason, flagMetadata };
  }
}
