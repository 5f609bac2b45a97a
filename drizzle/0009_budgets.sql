CREATE TABLE "budgets" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"match" text,
	"period" text NOT NULL,
	"limit_usd" numeric(20, 9) NOT NULL,
	"enforcement" text NOT NULL,
	"action" text,
	"downgrade_to" text,
	"alert_rule_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_project_id_id_pk" PRIMARY KEY("project_id","id"),
	CONSTRAINT "budgets_name_key" UNIQUE("project_id","name"),
	CONSTRAINT "budgets_scope_check" CHECK ("budgets"."scope" in ('project', 'endpoint', 'user')),
	CONSTRAINT "budgets_period_check" CHECK ("budgets"."period" in ('day', 'month')),
	CONSTRAINT "budgets_enforcement_check" CHECK ("budgets"."enforcement" in ('soft', 'hard'))
);
--> statement-breakpoint
CREATE TABLE "user_rate_limits" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"requests_per_minute" integer,
	"tokens_per_minute" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_rate_limits" ADD CONSTRAINT "user_rate_limits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
