CREATE TABLE "affiliations" (
	"person_id" uuid NOT NULL,
	"orgnr" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliations_person_id_orgnr_pk" PRIMARY KEY("person_id","orgnr")
);
--> statement-breakpoint
CREATE TABLE "sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"account_id" uuid,
	CONSTRAINT "sign_ups_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sign_ups_language_check" CHECK ("sign_ups"."language" in ('nb', 'en'))
);
--> statement-breakpoint
ALTER TABLE "clusters" DROP CONSTRAINT "clusters_status_check";--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ups" ADD CONSTRAINT "sign_ups_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_orgnr_idx" ON "affiliations" USING btree ("orgnr");--> statement-breakpoint
CREATE INDEX "sign_ups_email_idx" ON "sign_ups" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "sign_ups_expires_idx" ON "sign_ups" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_status_check" CHECK ("clusters"."status" in ('forming', 'active', 'ended'));