CREATE TABLE "prompts" (
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompts_project_id_name_pk" PRIMARY KEY("project_id","name"),
	CONSTRAINT "prompts_type_check" CHECK ("prompts"."type" in ('text', 'chat'))
);
--> statement-breakpoint
CREATE TABLE "prompt_versions" (
	"project_id" uuid NOT NULL,
	"prompt_name" text NOT NULL,
	"version" integer NOT NULL,
	"prompt" jsonb NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"commit_message" text,
	"author_id" text,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_versions_project_id_prompt_name_version_pk" PRIMARY KEY("project_id","prompt_name","version")
);
--> statement-breakpoint
CREATE TABLE "prompt_labels" (
	"project_id" uuid NOT NULL,
	"prompt_name" text NOT NULL,
	"label" text NOT NULL,
	"version" integer NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moved_by" text NOT NULL,
	CONSTRAINT "prompt_labels_project_id_prompt_name_label_pk" PRIMARY KEY("project_id","prompt_name","label")
);
--> statement-breakpoint
CREATE TABLE "prompt_label_moves" (
	"project_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "prompt_label_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"prompt_name" text NOT NULL,
	"label" text NOT NULL,
	"from_version" integer,
	"to_version" integer NOT NULL,
	"moved_by" text NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_label_moves_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "prompt_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"members_may_deploy_production" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_versions" ADD CONSTRAINT "prompt_versions_prompt_fk" FOREIGN KEY ("project_id","prompt_name") REFERENCES "public"."prompts"("project_id","name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_labels" ADD CONSTRAINT "prompt_labels_prompt_fk" FOREIGN KEY ("project_id","prompt_name") REFERENCES "public"."prompts"("project_id","name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_labels" ADD CONSTRAINT "prompt_labels_version_fk" FOREIGN KEY ("project_id","prompt_name","version") REFERENCES "public"."prompt_versions"("project_id","prompt_name","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_label_moves" ADD CONSTRAINT "prompt_label_moves_prompt_fk" FOREIGN KEY ("project_id","prompt_name") REFERENCES "public"."prompts"("project_id","name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_settings" ADD CONSTRAINT "prompt_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prompt_label_moves_time_idx" ON "prompt_label_moves" USING btree ("project_id","moved_at");--> statement-breakpoint
-- Versions are immutable: a change is a new version. Deleting one is left to the
-- cascade of its prompt (or project); a label still pointing at it blocks anything else.
CREATE FUNCTION sx_prompt_versions_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'prompt versions are immutable; save a new version instead' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "prompt_versions_immutable" BEFORE UPDATE ON "prompt_versions" FOR EACH ROW EXECUTE FUNCTION sx_prompt_versions_immutable();
