CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_account_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_attachments_size_check" CHECK ("application_attachments"."size_bytes" > 0),
	CONSTRAINT "application_attachments_hash_check" CHECK ("application_attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "application_sections" (
	"application_id" uuid NOT NULL,
	"key" text NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_account_id" uuid,
	"updated_by_name" text,
	CONSTRAINT "application_sections_application_id_key_pk" PRIMARY KEY("application_id","key"),
	CONSTRAINT "application_sections_version_check" CHECK ("application_sections"."version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"level_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"language" text DEFAULT 'nb' NOT NULL,
	"started_by_account_id" uuid,
	"money_asked_nok" bigint DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_account_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"reopened_sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"information_requested_at" timestamp with time zone,
	"information_requested_until" timestamp with time zone,
	"information_request_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('draft', 'submitted', 'information_requested', 'withdrawn')),
	CONSTRAINT "applications_language_check" CHECK ("applications"."language" in ('nb', 'en')),
	CONSTRAINT "applications_money_check" CHECK ("applications"."money_asked_nok" >= 0),
	CONSTRAINT "applications_information_request_check" CHECK ("applications"."status" <> 'information_requested' or "applications"."information_requested_until" is not null)
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_uploaded_by_account_id_accounts_id_fk" FOREIGN KEY ("uploaded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_updated_by_account_id_accounts_id_fk" FOREIGN KEY ("updated_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_started_by_account_id_accounts_id_fk" FOREIGN KEY ("started_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_account_id_accounts_id_fk" FOREIGN KEY ("submitted_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "application_attachments_hash_idx" ON "application_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_level_key" ON "applications" USING btree ("call_id","cluster_id","level_code") WHERE "applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_cluster_idx" ON "applications" USING btree ("cluster_id","created_at");