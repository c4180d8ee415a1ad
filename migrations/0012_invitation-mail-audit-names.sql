ALTER TABLE "invitations" ADD COLUMN "language" text DEFAULT 'nb' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "mail_message_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "entity_name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_mail_message_id_mail_messages_id_fk" FOREIGN KEY ("mail_message_id") REFERENCES "public"."mail_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_language_check" CHECK ("invitations"."language" in ('nb', 'en'));