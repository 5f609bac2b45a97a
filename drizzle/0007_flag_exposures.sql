CREATE TABLE "flag_exposures" (
	"project_id" uuid NOT NULL,
	"flag_key" text NOT NULL,
	"environment" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"variant" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "flag_exposures_project_id_flag_key_environment_hour_variant_pk" PRIMARY KEY("project_id","flag_key","environment","hour","variant")
);
--> statement-breakpoint
ALTER TABLE "flag_exposures" ADD CONSTRAINT "flag_exposures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
