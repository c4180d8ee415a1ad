CREATE TABLE "budget_frame_levels" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"level_id" uuid NOT NULL,
	"amount_nok" integer NOT NULL,
	CONSTRAINT "budget_frame_levels_programme_id_year_level_id_pk" PRIMARY KEY("programme_id","year","level_id"),
	CONSTRAINT "budget_frame_levels_year_check" CHECK ("budget_frame_levels"."year" between 2000 and 2100),
	CONSTRAINT "budget_frame_levels_amount_check" CHECK ("budget_frame_levels"."amount_nok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_frames" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"frame_nok" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_frames_programme_id_year_pk" PRIMARY KEY("programme_id","year"),
	CONSTRAINT "budget_frames_year_check" CHECK ("budget_frames"."year" between 2000 and 2100),
	CONSTRAINT "budget_frames_amount_check" CHECK ("budget_frames"."frame_nok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_price_index" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(9, 3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_price_index_programme_id_year_pk" PRIMARY KEY("programme_id","year"),
	CONSTRAINT "budget_price_index_year_check" CHECK ("budget_price_index"."year" between 2000 and 2100),
	CONSTRAINT "budget_price_index_value_check" CHECK ("budget_price_index"."value" > 0)
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_nok" integer NOT NULL,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_year_check" CHECK ("commitments"."year" between 2000 and 2100),
	CONSTRAINT "commitments_amount_check" CHECK ("commitments"."amount_nok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_nok" integer NOT NULL,
	"paid_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_year_check" CHECK ("payments"."year" between 2000 and 2100),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_nok" > 0)
);
--> statement-breakpoint
ALTER TABLE "budget_frame_levels" ADD CONSTRAINT "budget_frame_levels_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_frame_levels" ADD CONSTRAINT "budget_frame_levels_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_frames" ADD CONSTRAINT "budget_frames_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_price_index" ADD CONSTRAINT "budget_price_index_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_year_idx" ON "commitments" USING btree ("year","level_id");--> statement-breakpoint
CREATE INDEX "commitments_cluster_idx" ON "commitments" USING btree ("cluster_id","year");--> statement-breakpoint
CREATE INDEX "commitments_engagement_idx" ON "commitments" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "commitments_decision_idx" ON "commitments" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "payments_year_idx" ON "payments" USING btree ("year","level_id");--> statement-breakpoint
CREATE INDEX "payments_cluster_idx" ON "payments" USING btree ("cluster_id","year");--> statement-breakpoint
CREATE INDEX "payments_engagement_idx" ON "payments" USING btree ("engagement_id");