CREATE TABLE "cluster_brands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "cluster_counties" (
	"cluster_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	CONSTRAINT "cluster_counties_cluster_id_county_code_pk" PRIMARY KEY("cluster_id","county_code")
);
--> statement-breakpoint
CREATE TABLE "cluster_sectors" (
	"cluster_id" uuid NOT NULL,
	"code" text NOT NULL,
	"section" text NOT NULL,
	CONSTRAINT "cluster_sectors_cluster_id_code_pk" PRIMARY KEY("cluster_id","code")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"name_sort_key" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"founded_year" integer,
	"website" text,
	"focus_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"host_orgnr" text,
	"status" text DEFAULT 'active' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('norwegian'::regconfig, "clusters"."name"), 'A')
          || setweight(to_tsvector('norwegian'::regconfig, coalesce("clusters"."short_name", '')), 'A')
          || setweight(to_tsvector('norwegian'::regconfig, "clusters"."focus_areas"), 'B')
          || setweight(to_tsvector('norwegian'::regconfig, "clusters"."description_nb"), 'C')
          || setweight(to_tsvector('english'::regconfig, "clusters"."description_en"), 'D')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clusters_slug_unique" UNIQUE("slug"),
	CONSTRAINT "clusters_status_check" CHECK ("clusters"."status" in ('active', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"extended_to_on" date,
	"ended_on" date,
	"yearly_grant_nok" integer DEFAULT 0 NOT NULL,
	"decision_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_period_check" CHECK ("engagements"."planned_end_on" > "engagements"."starts_on"),
	CONSTRAINT "engagements_grant_check" CHECK ("engagements"."yearly_grant_nok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hub_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hub_cluster_id" uuid NOT NULL,
	"node_cluster_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_links_not_self_check" CHECK ("hub_links"."hub_cluster_id" <> "hub_links"."node_cluster_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"agreement_signed_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('core_partner', 'partner', 'associate')),
	CONSTRAINT "memberships_period_check" CHECK ("memberships"."left_on" is null or "memberships"."left_on" >= "memberships"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"orgnr" text NOT NULL,
	"name" text NOT NULL,
	"name_sort_key" text NOT NULL,
	"organisation_form" text,
	"nace_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"employees" integer,
	"municipality_number" text,
	"county_code" text,
	"actor_type" text NOT NULL,
	"website" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig, "organisations"."name")) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_orgnr_unique" UNIQUE("orgnr"),
	CONSTRAINT "organisations_orgnr_check" CHECK ("organisations"."orgnr" ~ '^[0-9]{9}$'),
	CONSTRAINT "organisations_employees_check" CHECK ("organisations"."employees" is null or "organisations"."employees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text NOT NULL,
	"during_level_code" text NOT NULL,
	"from_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"duration_years" integer NOT NULL,
	"extension_years" integer DEFAULT 0 NOT NULL,
	"open_from_year" integer NOT NULL,
	"open_to_year" integer,
	"funded" boolean DEFAULT true NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"operators" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "cluster_brands" ADD CONSTRAINT "cluster_brands_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_brands" ADD CONSTRAINT "cluster_brands_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_counties" ADD CONSTRAINT "cluster_counties_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_sectors" ADD CONSTRAINT "cluster_sectors_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_links" ADD CONSTRAINT "hub_links_hub_cluster_id_clusters_id_fk" FOREIGN KEY ("hub_cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_links" ADD CONSTRAINT "hub_links_node_cluster_id_clusters_id_fk" FOREIGN KEY ("node_cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_brands_cluster_idx" ON "cluster_brands" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_counties_county_idx" ON "cluster_counties" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "cluster_sectors_section_idx" ON "cluster_sectors" USING btree ("section");--> statement-breakpoint
CREATE INDEX "clusters_search_idx" ON "clusters" USING gin ("search");--> statement-breakpoint
CREATE INDEX "clusters_name_trgm_idx" ON "clusters" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clusters_sort_idx" ON "clusters" USING btree ("name_sort_key" COLLATE "C");--> statement-breakpoint
CREATE INDEX "engagements_cluster_idx" ON "engagements" USING btree ("cluster_id","starts_on");--> statement-breakpoint
CREATE INDEX "engagements_level_idx" ON "engagements" USING btree ("level_id");--> statement-breakpoint
CREATE INDEX "hub_links_hub_idx" ON "hub_links" USING btree ("hub_cluster_id");--> statement-breakpoint
CREATE INDEX "hub_links_node_idx" ON "hub_links" USING btree ("node_cluster_id");--> statement-breakpoint
CREATE INDEX "memberships_cluster_idx" ON "memberships" USING btree ("cluster_id","left_on");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_open_key" ON "memberships" USING btree ("cluster_id","organisation_id") WHERE "memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_county_idx" ON "organisations" USING btree ("county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "brands_programme_code_key" ON "brands" USING btree ("programme_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "levels_programme_code_key" ON "levels" USING btree ("programme_id","code");