CREATE TABLE "assessment_panels" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_panels_status_check" CHECK ("assessment_panels"."status" in ('open', 'closed')),
	CONSTRAINT "assessment_panels_closed_check" CHECK ("assessment_panels"."status" = 'open' or "assessment_panels"."closed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"assessment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id"),
	CONSTRAINT "assessment_scores_not_applicable_check" CHECK (not ("assessment_scores"."not_applicable" and "assessment_scores"."score" is not null))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"assessor_account_id" uuid,
	"assessor_name" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"conflict" boolean,
	"declaration_reason" text DEFAULT '' NOT NULL,
	"declared_at" timestamp with time zone,
	"links_shown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"assigned_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" in ('assigned', 'scoring', 'conflict', 'completed')),
	CONSTRAINT "assessments_declaration_check" CHECK (("assessments"."status" = 'assigned') = ("assessments"."conflict" is null) and ("assessments"."status" = 'conflict') = coalesce("assessments"."conflict", false)),
	CONSTRAINT "assessments_completed_check" CHECK ("assessments"."status" <> 'completed' or "assessments"."completed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "panel_recommendations" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"recommendation" text,
	"level_code" text,
	"reason" text DEFAULT '' NOT NULL,
	"interview_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_recommendations_kind_check" CHECK ("panel_recommendations"."recommendation" is null or "panel_recommendations"."recommendation" in ('admit', 'reject', 'admit_other_level')),
	CONSTRAINT "panel_recommendations_level_check" CHECK (("panel_recommendations"."recommendation" = 'admit_other_level') = ("panel_recommendations"."level_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "assessment_panels" ADD CONSTRAINT "assessment_panels_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_account_id_accounts_id_fk" FOREIGN KEY ("assessor_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_recommendations" ADD CONSTRAINT "panel_recommendations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_recommendations" ADD CONSTRAINT "panel_recommendations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_per_assessor_key" ON "assessments" USING btree ("application_id","assessor_account_id");--> statement-breakpoint
CREATE INDEX "assessments_call_idx" ON "assessments" USING btree ("call_id","application_id");--> statement-breakpoint
CREATE INDEX "assessments_assessor_idx" ON "assessments" USING btree ("assessor_account_id","assigned_at");--> statement-breakpoint
CREATE INDEX "panel_recommendations_call_idx" ON "panel_recommendations" USING btree ("call_id");