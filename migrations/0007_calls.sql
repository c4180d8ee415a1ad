CREATE TABLE "call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text NOT NULL,
	"guidance_nb" text DEFAULT '' NOT NULL,
	"guidance_en" text DEFAULT '' NOT NULL,
	"weight" numeric(9, 2) NOT NULL,
	"scale_min" integer NOT NULL,
	"scale_max" integer NOT NULL,
	"level_code" text,
	CONSTRAINT "call_criteria_weight_check" CHECK ("call_criteria"."weight" > 0),
	CONSTRAINT "call_criteria_scale_check" CHECK ("call_criteria"."scale_min" >= 0 and "call_criteria"."scale_max" <= 10 and "call_criteria"."scale_min" < "call_criteria"."scale_max")
);
--> statement-breakpoint
CREATE TABLE "call_deadline_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"previous_deadline_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"extended_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_deadline_extensions_later_check" CHECK ("call_deadline_extensions"."deadline_at" > "call_deadline_extensions"."previous_deadline_at")
);
--> statement-breakpoint
CREATE TABLE "call_levels" (
	"call_id" uuid NOT NULL,
	"level_code" text NOT NULL,
	"money_nok" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "call_levels_call_id_level_code_pk" PRIMARY KEY("call_id","level_code"),
	CONSTRAINT "call_levels_money_check" CHECK ("call_levels"."money_nok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_nb" text NOT NULL,
	"title_en" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"information_meeting_at" timestamp with time zone,
	"sketch_deadline_at" timestamp with time zone,
	"deadline_at" timestamp with time zone NOT NULL,
	"planned_decision_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_status_check" CHECK ("calls"."status" in ('draft', 'open', 'closed', 'decided')),
	CONSTRAINT "calls_deadline_after_opens_check" CHECK ("calls"."deadline_at" > "calls"."opens_at"),
	CONSTRAINT "calls_information_meeting_check" CHECK ("calls"."information_meeting_at" is null or "calls"."information_meeting_at" < "calls"."deadline_at"),
	CONSTRAINT "calls_sketch_deadline_check" CHECK ("calls"."sketch_deadline_at" is null or "calls"."sketch_deadline_at" < "calls"."deadline_at"),
	CONSTRAINT "calls_planned_decision_check" CHECK ("calls"."planned_decision_at" is null or "calls"."planned_decision_at" > "calls"."deadline_at")
);
--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_deadline_extensions" ADD CONSTRAINT "call_deadline_extensions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_levels" ADD CONSTRAINT "call_levels_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_criteria_position_key" ON "call_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE INDEX "call_deadline_extensions_call_idx" ON "call_deadline_extensions" USING btree ("call_id","extended_at");--> statement-breakpoint
CREATE INDEX "calls_deadline_idx" ON "calls" USING btree ("deadline_at");