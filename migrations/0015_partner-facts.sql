DROP INDEX "memberships_cluster_idx";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_orgnr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_actor_type" text DEFAULT 'sme' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_type_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_county_code" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_employees" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_division" text;--> statement-breakpoint
-- Hand-written: the triggers that keep a membership's copies of its organisation's facts.
CREATE FUNCTION "memberships_copy_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.name_sort_key, o.orgnr, o.actor_type,
         NOT (o.source = 'unverified' AND o.actor_type_override IS NULL),
         o.county_code, o.employees, left(o.nace_codes[1], 2)
    INTO NEW.organisation_sort_key, NEW.organisation_orgnr, NEW.organisation_actor_type,
         NEW.organisation_type_known, NEW.organisation_county_code, NEW.organisation_employees,
         NEW.organisation_division
    FROM organisations o WHERE o.id = NEW.organisation_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "memberships_copy_organisation" BEFORE INSERT OR UPDATE OF "organisation_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_copy_organisation"();--> statement-breakpoint
CREATE FUNCTION "organisations_copy_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships SET organisation_id = organisation_id WHERE organisation_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "organisations_copy_to_memberships" AFTER UPDATE ON "organisations" FOR EACH ROW
  WHEN ((OLD.name_sort_key, OLD.orgnr, OLD.actor_type, OLD.source, OLD.actor_type_override, OLD.county_code, OLD.employees, OLD.nace_codes)
    IS DISTINCT FROM (NEW.name_sort_key, NEW.orgnr, NEW.actor_type, NEW.source, NEW.actor_type_override, NEW.county_code, NEW.employees, NEW.nace_codes))
  EXECUTE FUNCTION "organisations_copy_to_memberships"();--> statement-breakpoint
UPDATE "memberships" SET "organisation_id" = "organisation_id";--> statement-breakpoint
CREATE INDEX "memberships_list_idx" ON "memberships" USING btree ("cluster_id","organisation_sort_key" COLLATE "C","organisation_orgnr","joined_on","left_on","role","organisation_actor_type","id");--> statement-breakpoint
CREATE INDEX "memberships_cluster_idx" ON "memberships" USING btree ("cluster_id","joined_on","left_on","role","organisation_actor_type","organisation_type_known","organisation_county_code","organisation_employees","organisation_division");