DROP INDEX "memberships_cluster_idx";--> statement-breakpoint
CREATE INDEX "memberships_cluster_idx" ON "memberships" USING btree ("cluster_id","joined_on","left_on");