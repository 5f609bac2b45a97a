-- Alert rules, notification channels, silences, instances, transitions (history) and
-- deliveries (outbox + log). Hand-written to match db/schema/alerts.ts (ADR 0009).
CREATE TABLE "alert_rules" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"severity" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"metric" text NOT NULL,
	"score_name" text,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"group_by" text,
	"condition" jsonb NOT NULL,
	"window_seconds" integer NOT NULL,
	"for_seconds" integer DEFAULT 0 NOT NULL,
	"min_requests" integer,
	"no_data" text DEFAULT 'ok' NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"repeat_interval_seconds" integer,
	"send_resolved" boolean DEFAULT true NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"runbook_url" text,
	"budget" jsonb,
	"last_evaluated_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"url_encrypted" text NOT NULL,
	"url_hint" text NOT NULL,
	"secret_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_channels_project_id_id_pk" PRIMARY KEY("project_id","id"),
	CONSTRAINT "notification_channels_type_check" CHECK ("notification_channels"."type" in ('webhook', 'slack'))
);
--> statement-breakpoint
CREATE TABLE "alert_silences" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid,
	"matchers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"comment" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_silences_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "alert_instances" (
	"project_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"state" text NOT NULL,
	"severity" text,
	"value" double precision,
	"pending_since" timestamp with time zone,
	"firing_since" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"notified_firing" boolean DEFAULT false NOT NULL,
	"owes_resolved" boolean DEFAULT false NOT NULL,
	"last_notified_at" timestamp with time zone,
	"held_state" text,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_instances_project_id_rule_id_group_key_pk" PRIMARY KEY("project_id","rule_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "alert_transitions" (
	"project_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "alert_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"value" double precision,
	"threshold" double precision NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_transitions_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"project_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "alert_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" uuid,
	"channel_id" uuid NOT NULL,
	"group_key" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"response_status" integer,
	"response_excerpt" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_silences" ADD CONSTRAINT "alert_silences_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_instances" ADD CONSTRAINT "alert_instances_rule_fk" FOREIGN KEY ("project_id","rule_id") REFERENCES "public"."alert_rules"("project_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_transitions" ADD CONSTRAINT "alert_transitions_rule_fk" FOREIGN KEY ("project_id","rule_id") REFERENCES "public"."alert_rules"("project_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rules_enabled_idx" ON "alert_rules" USING btree ("enabled","project_id");--> statement-breakpoint
CREATE INDEX "alert_silences_ends_idx" ON "alert_silences" USING btree ("project_id","ends_at");--> statement-breakpoint
CREATE INDEX "alert_transitions_rule_at_idx" ON "alert_transitions" USING btree ("project_id","rule_id","at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_due_idx" ON "alert_deliveries" USING btree ("next_attempt_at") WHERE "alert_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "alert_deliveries_rule_idx" ON "alert_deliveries" USING btree ("project_id","rule_id","created_at");
