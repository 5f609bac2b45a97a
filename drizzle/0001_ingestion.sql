CREATE TABLE "request_bodies" (
	"project_id" uuid NOT NULL,
	"start_time" timestamp (3) with time zone NOT NULL,
	"request_id" text NOT NULL,
	"input" jsonb,
	"output" jsonb,
	CONSTRAINT "request_bodies_project_id_start_time_request_id_pk" PRIMARY KEY("project_id","start_time","request_id")
) PARTITION BY RANGE ("start_time");
--> statement-breakpoint
CREATE TABLE "request_ids" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"start_time" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "request_ids_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"project_id" uuid NOT NULL,
	"start_time" timestamp (3) with time zone NOT NULL,
	"id" text NOT NULL,
	"end_time" timestamp (3) with time zone NOT NULL,
	"duration_ms" double precision NOT NULL,
	"time_to_first_token_ms" double precision,
	"trace_id" text,
	"parent_id" text,
	"name" text,
	"kind" text NOT NULL,
	"provider" text,
	"model" text,
	"status" text NOT NULL,
	"error_type" text,
	"error_message" text,
	"error_http_status" integer,
	"error_retryable" boolean,
	"input_tokens" bigint,
	"output_tokens" bigint,
	"cached_input_tokens" bigint,
	"reasoning_tokens" bigint,
	"cost_nanos" bigint,
	"cost_source" text NOT NULL,
	"user_id" text,
	"session_id" text,
	"endpoint" text,
	"release" text,
	"environment" text NOT NULL,
	"prompt_name" text,
	"prompt_version" integer,
	"flags" jsonb,
	"attempts" integer,
	"fallback_from" text,
	"cache_hit" boolean,
	"tags" text[],
	"metadata" jsonb,
	"redactions" jsonb,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_project_id_start_time_id_pk" PRIMARY KEY("project_id","start_time","id")
) PARTITION BY RANGE ("start_time");
--> statement-breakpoint
CREATE TABLE "scores" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"request_id" text,
	"trace_id" text,
	"name" text NOT NULL,
	"value_number" double precision,
	"value_text" text,
	"data_type" text NOT NULL,
	"source" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "rollups_flag_minute" (
	"project_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"flag_key" text NOT NULL,
	"variant" text NOT NULL,
	"environment" text NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_input_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_nanos" bigint DEFAULT 0 NOT NULL,
	"unpriced" bigint DEFAULT 0 NOT NULL,
	"duration_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_count" bigint DEFAULT 0 NOT NULL,
	"retried" bigint DEFAULT 0 NOT NULL,
	"fallbacks" bigint DEFAULT 0 NOT NULL,
	"cache_hits" bigint DEFAULT 0 NOT NULL,
	"latency_hist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "rollups_flag_minute_project_id_bucket_flag_key_variant_environment_pk" PRIMARY KEY("project_id","bucket","flag_key","variant","environment")
);
--> statement-breakpoint
CREATE TABLE "rollups_minute" (
	"project_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"endpoint" text NOT NULL,
	"environment" text NOT NULL,
	"status" text NOT NULL,
	"error_type" text NOT NULL,
	"prompt_name" text NOT NULL,
	"prompt_version" integer NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_input_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_nanos" bigint DEFAULT 0 NOT NULL,
	"unpriced" bigint DEFAULT 0 NOT NULL,
	"duration_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_count" bigint DEFAULT 0 NOT NULL,
	"retried" bigint DEFAULT 0 NOT NULL,
	"fallbacks" bigint DEFAULT 0 NOT NULL,
	"cache_hits" bigint DEFAULT 0 NOT NULL,
	"latency_hist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "rollups_minute_project_id_bucket_model_provider_endpoint_environment_status_error_type_prompt_name_prompt_version_pk" PRIMARY KEY("project_id","bucket","model","provider","endpoint","environment","status","error_type","prompt_name","prompt_version")
);
--> statement-breakpoint
CREATE TABLE "rollups_user_hour" (
	"project_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"environment" text NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_input_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_nanos" bigint DEFAULT 0 NOT NULL,
	"unpriced" bigint DEFAULT 0 NOT NULL,
	"duration_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_sum_ms" double precision DEFAULT 0 NOT NULL,
	"ttft_count" bigint DEFAULT 0 NOT NULL,
	"retried" bigint DEFAULT 0 NOT NULL,
	"fallbacks" bigint DEFAULT 0 NOT NULL,
	"cache_hits" bigint DEFAULT 0 NOT NULL,
	"latency_hist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "rollups_user_hour_project_id_bucket_user_id_environment_pk" PRIMARY KEY("project_id","bucket","user_id","environment")
);
--> statement-breakpoint
CREATE TABLE "score_rollups_minute" (
	"project_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"endpoint" text NOT NULL,
	"environment" text NOT NULL,
	"prompt_name" text NOT NULL,
	"prompt_version" integer NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "score_rollups_minute_project_id_bucket_name_model_endpoint_environment_prompt_name_prompt_version_pk" PRIMARY KEY("project_id","bucket","name","model","endpoint","environment","prompt_name","prompt_version")
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_pattern" text NOT NULL,
	"input_per_m_tok" numeric(20, 9) NOT NULL,
	"output_per_m_tok" numeric(20, 9) NOT NULL,
	"cached_input_per_m_tok" numeric(20, 9),
	"reasoning_per_m_tok" numeric(20, 9),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_prices_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"redaction" jsonb DEFAULT '{"detectors":{},"customPatterns":[]}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_settings" ADD CONSTRAINT "project_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_ids_start_brin" ON "request_ids" USING brin ("start_time");--> statement-breakpoint
CREATE INDEX "requests_trace_idx" ON "requests" USING btree ("project_id","trace_id");--> statement-breakpoint
CREATE INDEX "requests_start_brin" ON "requests" USING brin ("start_time");--> statement-breakpoint
CREATE INDEX "scores_request_idx" ON "scores" USING btree ("project_id","request_id");--> statement-breakpoint
CREATE INDEX "scores_trace_idx" ON "scores" USING btree ("project_id","trace_id");
--> statement-breakpoint
-- Bodies compress with lz4 where the server was built with it (PostgreSQL 14+), pglz otherwise.
DO $$ BEGIN
  ALTER TABLE "request_bodies" ALTER COLUMN "input" SET COMPRESSION lz4;
  ALTER TABLE "request_bodies" ALTER COLUMN "output" SET COMPRESSION lz4;
EXCEPTION WHEN others THEN RAISE NOTICE 'lz4 not available, bodies use the default compression';
END $$;--> statement-breakpoint
-- Mergeable latency histograms: {bucketIndex: count} maps summed key by key.
CREATE OR REPLACE FUNCTION sx_hist_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb)
  FROM (
    SELECT k, sum(v::bigint) AS s
    FROM (SELECT * FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
          UNION ALL
          SELECT * FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) AS t(k, v)
    GROUP BY k
  ) AS x
$$;--> statement-breakpoint
CREATE AGGREGATE sx_hist_sum(jsonb) (SFUNC = sx_hist_merge, STYPE = jsonb, INITCOND = '{}');
