ALTER TABLE "role_grants" ADD COLUMN "membership_id" uuid;--> statement-breakpoint
ALTER TABLE "role_grants" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_grants_membership_idx" ON "role_grants" USING btree ("membership_id");--> statement-breakpoint
-- Written by hand: before one partnership per period was enforced, re-adding a partner whose
-- partnership began and ended the same day made a second row beginning that day. The first covers
-- no day at all (it ended the day it began); drop it so the unique index can be built.
DELETE FROM "memberships" AS "empty" USING "memberships" AS "other"
WHERE "empty"."cluster_id" = "other"."cluster_id"
  AND "empty"."organisation_id" = "other"."organisation_id"
  AND "empty"."joined_on" = "other"."joined_on"
  AND "empty"."left_on" = "empty"."joined_on"
  AND "empty"."id" <> "other"."id"
  AND ("other"."left_on" IS DISTINCT FROM "other"."joined_on" OR "empty"."id" < "other"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_per_period_key" ON "memberships" USING btree ("cluster_id","organisation_id","joined_on");