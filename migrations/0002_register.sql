CREATE TABLE "organisation_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"import_id" uuid,
	"kind" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"effective_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"counts" jsonb NOT NULL,
	"message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "industry_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"section" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_renumberings" (
	"old_number" text PRIMARY KEY NOT NULL,
	"new_number" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "actor_type_derived" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "actor_type_override" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source" text DEFAULT 'register' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "register_kind" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "organisation_form_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "nace_descriptions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "municipality_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "postal_place" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "institutional_sector_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "founded_on" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "registered_on" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "bankrupt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "under_liquidation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "under_forced_liquidation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "deleted_on" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "parent_orgnr" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "register_hash" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "register_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_changes" ADD CONSTRAINT "organisation_changes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_changes" ADD CONSTRAINT "organisation_changes_import_id_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."register_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_changes_organisation_idx" ON "organisation_changes" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "organisations_orgnr_prefix_idx" ON "organisations" USING btree ("orgnr" text_pattern_ops);