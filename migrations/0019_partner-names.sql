DROP INDEX "memberships_list_idx";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written: a membership copies its organisation's name too, so the partner list reads one
-- index and nothing else (migration 0015_partner-facts copies the other facts the same way).
CREATE OR REPLACE FUNCTION "memberships_copy_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.name_sort_key, o.orgnr, o.actor_type,
         NOT (o.source = 'unverified' AND o.actor_type_override IS NULL),
         o.county_code, o.employees, left(o.nace_codes[1], 2), o.name
    INTO NEW.organisation_sort_key, NEW.organisation_orgnr, NEW.organisation_actor_type,
         NEW.organisation_type_known, NEW.organisation_county_code, NEW.organisation_employees,
         NEW.organisation_division, NEW.organisation_name
    FROM organisations o WHERE o.id = NEW.organisation_id;
  RETURN NEW;
END $$;--> statement-breakpoint
DROP TRIGGER "organisations_copy_to_memberships" ON "organisations";--> statement-breakpoint
CREATE TRIGGER "organisations_copy_to_memberships" AFTER UPDATE ON "organisations" FOR EACH ROW
  WHEN ((OLD.name, OLD.name_sort_key, OLD.orgnr, OLD.actor_type, OLD.source, OLD.actor_type_override, OLD.county_code, OLD.employees, OLD.nace_codes)
    IS DISTINCT FROM (NEW.name, NEW.name_sort_key, NEW.orgnr, NEW.actor_type, NEW.source, NEW.actor_type_override, NEW.county_code, NEW.employees, NEW.nace_codes))
  EXECUTE FUNCTION "organisations_copy_to_memberships"();--> statement-breakpoint
UPDATE "memberships" SET "organisation_name" = o."name" FROM "organisations" o WHERE o."id" = "memberships"."organisation_id";--> statement-breakpoint
CREATE INDEX "memberships_list_idx" ON "memberships" USING btree ("cluster_id","organisation_sort_key" COLLATE "C","organisation_orgnr","joined_on","left_on","role","organisation_actor_type","id","agreement_signed_on","organisation_county_code","organisation_employees","organisation_name");
