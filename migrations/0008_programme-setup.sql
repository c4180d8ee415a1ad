CREATE TABLE "programme_operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"orgnr" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	"press_contact_name" text,
	"press_contact_email" text,
	"press_contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_operators_orgnr_check" CHECK ("programme_operators"."orgnr" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "operating_aid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "operating_aid_cap_years" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_operators" ADD CONSTRAINT "programme_operators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_operators_programme_orgnr_key" ON "programme_operators" USING btree ("programme_id","orgnr");--> statement-breakpoint
CREATE INDEX "programme_operators_press_contact_email_idx" ON "programme_operators" USING btree (lower("press_contact_email"));--> statement-breakpoint
-- Until now only the demo seed could make a programme, and it named its operators in a text array.
-- Move those names to their own rows, with the organisation numbers the demo's operators have,
-- before the array goes; and mark the demo's levels that are operating aid, as the seed now does.
INSERT INTO "programme_operators" ("programme_id", "orgnr", "name", "sort_order")
SELECT "programmes"."id", "known"."orgnr", "listed"."name", "listed"."position" - 1
FROM "programmes"
CROSS JOIN LATERAL unnest("programmes"."operators") WITH ORDINALITY AS "listed"("name", "position")
JOIN (VALUES ('Innovasjon Norge', '986399445'), ('Siva', '986813241'), ('Forskningsrådet', '970141669'))
  AS "known"("name", "orgnr") ON "known"."name" = "listed"."name";--> statement-breakpoint
UPDATE "levels" SET "operating_aid" = true WHERE "code" IN ('hub_node', 'arena', 'arena_pro', 'nce', 'global');--> statement-breakpoint
ALTER TABLE "programmes" DROP COLUMN "operators";--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_duration_check" CHECK ("levels"."duration_years" >= 1 and "levels"."extension_years" >= 0);--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_open_years_check" CHECK ("levels"."open_to_year" is null or "levels"."open_to_year" >= "levels"."open_from_year");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_operating_aid_cap_check" CHECK ("programmes"."operating_aid_cap_years" >= 1);