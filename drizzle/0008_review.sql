CREATE TABLE "review_queues" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"instructions" text,
	"rubric" jsonb NOT NULL,
	"allow_correction" boolean DEFAULT false NOT NULL,
	"reviews_per_item" integer DEFAULT 1 NOT NULL,
	"reviewers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sampling_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lock_seconds" integer DEFAULT 300 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_queues_project_id_id_pk" PRIMARY KEY("project_id","id"),
	CONSTRAINT "review_queues_name_key" UNIQUE("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"queue_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"trace_id" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"completed_reviews" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "review_items_project_id_id_pk" PRIMARY KEY("project_id","id"),
	CONSTRAINT "review_items_request_key" UNIQUE("project_id","queue_id","request_id"),
	CONSTRAINT "review_items_status_check" CHECK ("review_items"."status" in ('pending', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"project_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_label" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"status" text NOT NULL,
	"scores" jsonb,
	"corrected_output" jsonb,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_project_id_item_id_reviewer_id_pk" PRIMARY KEY("project_id","item_id","reviewer_id"),
	CONSTRAINT "reviews_status_check" CHECK ("reviews"."status" in ('completed', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_queue_fk" FOREIGN KEY ("project_id","queue_id") REFERENCES "public"."review_queues"("project_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_item_fk" FOREIGN KEY ("project_id","item_id") REFERENCES "public"."review_items"("project_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_items_claim_idx" ON "review_items" USING btree ("project_id","queue_id","priority" DESC NULLS LAST,"created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "reviews_queue_idx" ON "reviews" USING btree ("project_id","queue_id","reviewer_id");
