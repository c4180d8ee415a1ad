CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"application_id" uuid,
	"call_id" uuid,
	"cluster_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"level_code" text,
	"starts_on" date,
	"years" integer,
	"yearly_grants_nok" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"letter_nb" text DEFAULT '' NOT NULL,
	"letter_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"engagement_id" uuid,
	"hub_cluster_id" uuid,
	"published_at" timestamp with time zone,
	"override_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_kind_check" CHECK ("decisions"."kind" in ('call', 'extension')),
	CONSTRAINT "decisions_outcome_check" CHECK ("decisions"."outcome" in ('admit', 'reject', 'extend')),
	CONSTRAINT "decisions_status_check" CHECK ("decisions"."status" in ('draft', 'published')),
	CONSTRAINT "decisions_call_check" CHECK (("decisions"."kind" = 'call') = ("decisions"."application_id" is not null and "decisions"."call_id" is not null)),
	CONSTRAINT "decisions_years_check" CHECK ("decisions"."years" is null or "decisions"."years" >= 1)
);
--> statement-breakpoint
CREATE TABLE "round_publications" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_on" date NOT NULL,
	"clusters_in_programme" integer NOT NULL,
	"override_reason" text
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_hub_cluster_id_clusters_id_fk" FOREIGN KEY ("hub_cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_publications" ADD CONSTRAINT "round_publications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_application_key" ON "decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "decisions_call_idx" ON "decisions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "decisions_cluster_idx" ON "decisions" USING btree ("cluster_id");