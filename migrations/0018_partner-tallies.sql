CREATE TABLE "partner_tallies" (
	"cluster_id" uuid PRIMARY KEY NOT NULL,
	"stamp" integer DEFAULT 0 NOT NULL,
	"counted_stamp" integer,
	"counted_on" date,
	"active" integer,
	"former" integer,
	"counts" json
);
--> statement-breakpoint
ALTER TABLE "partner_tallies" ADD CONSTRAINT "partner_tallies_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: every change to memberships moves its clusters' stamps on, in the same
-- transaction, so partner figures counted before the change are no longer taken as good.
-- Clusters are touched in id order, so two transactions lock their rows in the same order.
CREATE FUNCTION "partner_tallies_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_tallies (cluster_id, stamp)
      SELECT DISTINCT n.cluster_id, 1 FROM new_rows n
      WHERE EXISTS (SELECT 1 FROM clusters c WHERE c.id = n.cluster_id) ORDER BY 1
      ON CONFLICT (cluster_id) DO UPDATE SET stamp = partner_tallies.stamp + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO partner_tallies (cluster_id, stamp)
      SELECT DISTINCT o.cluster_id, 1 FROM old_rows o
      WHERE EXISTS (SELECT 1 FROM clusters c WHERE c.id = o.cluster_id) ORDER BY 1
      ON CONFLICT (cluster_id) DO UPDATE SET stamp = partner_tallies.stamp + 1;
  ELSE
    INSERT INTO partner_tallies (cluster_id, stamp)
      SELECT t.cluster_id, 1 FROM (SELECT cluster_id FROM new_rows UNION SELECT cluster_id FROM old_rows) t
      WHERE EXISTS (SELECT 1 FROM clusters c WHERE c.id = t.cluster_id) ORDER BY 1
      ON CONFLICT (cluster_id) DO UPDATE SET stamp = partner_tallies.stamp + 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "memberships_touch_tallies_insert" AFTER INSERT ON "memberships"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_tallies_touch"();--> statement-breakpoint
CREATE TRIGGER "memberships_touch_tallies_update" AFTER UPDATE ON "memberships"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_tallies_touch"();--> statement-breakpoint
CREATE TRIGGER "memberships_touch_tallies_delete" AFTER DELETE ON "memberships"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_tallies_touch"();
