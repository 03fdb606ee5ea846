CREATE TABLE "supervision_assessments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"semester_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"close_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"red_min" real NOT NULL,
	"yellow_below" real NOT NULL,
	"black_below" real NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_assessments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "supervision_assessments_period_chk" CHECK ("supervision_assessments"."period_from" <= "supervision_assessments"."period_to"),
	CONSTRAINT "supervision_assessments_lists_chk" CHECK ("supervision_assessments"."black_below" <= "supervision_assessments"."yellow_below" and "supervision_assessments"."yellow_below" <= "supervision_assessments"."red_min")
);
--> statement-breakpoint
CREATE TABLE "supervision_indicators" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"weight" real NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"formula" text,
	"target" real,
	"guidance" text,
	CONSTRAINT "supervision_indicators_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "supervision_indicators_weight_chk" CHECK ("supervision_indicators"."weight" > 0),
	CONSTRAINT "supervision_indicators_kind_chk" CHECK (("supervision_indicators"."kind" = 'metric' and "supervision_indicators"."metric" is not null and "supervision_indicators"."formula" is not null) or ("supervision_indicators"."kind" = 'inspector'))
);
--> statement-breakpoint
CREATE TABLE "supervision_notice_receipts" (
	"district_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"school_id" uuid,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "supervision_notice_receipts_district_id_notice_id_user_id_pk" PRIMARY KEY("district_id","notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_notice_replies" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"body" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"replied_by" uuid NOT NULL,
	"replied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "supervision_notice_replies_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_notices" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_school_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_zone_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reply_required" boolean DEFAULT false NOT NULL,
	"reply_due" date,
	"assessment_id" uuid,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_notices_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_reports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"school_id" uuid,
	"scope_id" uuid NOT NULL,
	"figures" jsonb NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_reports_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_results" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"total" real NOT NULL,
	"rank" integer NOT NULL,
	"list" text,
	"detail" jsonb NOT NULL,
	"award" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_results_district_id_assessment_id_school_id_pk" PRIMARY KEY("district_id","assessment_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_scores" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"score" real NOT NULL,
	"evidence" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scored_by" uuid NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_scores_district_id_indicator_id_school_id_pk" PRIMARY KEY("district_id","indicator_id","school_id"),
	CONSTRAINT "supervision_scores_range_chk" CHECK ("supervision_scores"."score" >= 0 and "supervision_scores"."score" <= 100)
);
--> statement-breakpoint
ALTER TABLE "supervision_assessments" ADD CONSTRAINT "supervision_assessments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_assessments" ADD CONSTRAINT "supervision_assessments_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_assessments" ADD CONSTRAINT "supervision_assessments_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_indicators" ADD CONSTRAINT "supervision_indicators_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_indicators" ADD CONSTRAINT "supervision_indicators_district_id_assessment_id_supervision_assessments_district_id_id_fk" FOREIGN KEY ("district_id","assessment_id") REFERENCES "public"."supervision_assessments"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_receipts" ADD CONSTRAINT "supervision_notice_receipts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_receipts" ADD CONSTRAINT "supervision_notice_receipts_district_id_notice_id_supervision_notices_district_id_id_fk" FOREIGN KEY ("district_id","notice_id") REFERENCES "public"."supervision_notices"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_receipts" ADD CONSTRAINT "supervision_notice_receipts_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_replies" ADD CONSTRAINT "supervision_notice_replies_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_replies" ADD CONSTRAINT "supervision_notice_replies_district_id_notice_id_supervision_notices_district_id_id_fk" FOREIGN KEY ("district_id","notice_id") REFERENCES "public"."supervision_notices"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_replies" ADD CONSTRAINT "supervision_notice_replies_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_replies" ADD CONSTRAINT "supervision_notice_replies_district_id_replied_by_users_district_id_id_fk" FOREIGN KEY ("district_id","replied_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_district_id_sent_by_users_district_id_id_fk" FOREIGN KEY ("district_id","sent_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_district_id_assessment_id_supervision_assessments_district_id_id_fk" FOREIGN KEY ("district_id","assessment_id") REFERENCES "public"."supervision_assessments"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD CONSTRAINT "supervision_reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD CONSTRAINT "supervision_reports_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_results" ADD CONSTRAINT "supervision_results_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_results" ADD CONSTRAINT "supervision_results_district_id_assessment_id_supervision_assessments_district_id_id_fk" FOREIGN KEY ("district_id","assessment_id") REFERENCES "public"."supervision_assessments"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_results" ADD CONSTRAINT "supervision_results_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scores" ADD CONSTRAINT "supervision_scores_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scores" ADD CONSTRAINT "supervision_scores_district_id_indicator_id_supervision_indicators_district_id_id_fk" FOREIGN KEY ("district_id","indicator_id") REFERENCES "public"."supervision_indicators"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scores" ADD CONSTRAINT "supervision_scores_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scores" ADD CONSTRAINT "supervision_scores_district_id_scored_by_users_district_id_id_fk" FOREIGN KEY ("district_id","scored_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_assessments_list_idx" ON "supervision_assessments" USING btree ("district_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_indicators_assessment_idx" ON "supervision_indicators" USING btree ("district_id","assessment_id","position");--> statement-breakpoint
CREATE INDEX "supervision_notice_receipts_user_idx" ON "supervision_notice_receipts" USING btree ("district_id","user_id","delivered_at");--> statement-breakpoint
CREATE INDEX "supervision_notice_receipts_school_idx" ON "supervision_notice_receipts" USING btree ("district_id","notice_id","school_id");--> statement-breakpoint
CREATE INDEX "supervision_notice_replies_notice_idx" ON "supervision_notice_replies" USING btree ("district_id","notice_id","school_id","replied_at");--> statement-breakpoint
CREATE INDEX "supervision_notices_sent_idx" ON "supervision_notices" USING btree ("district_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_reports_scope_uq" ON "supervision_reports" USING btree ("district_id","kind","period","scope_id");--> statement-breakpoint
CREATE INDEX "supervision_results_school_idx" ON "supervision_results" USING btree ("district_id","school_id");--> statement-breakpoint
CREATE INDEX "supervision_scores_assessment_idx" ON "supervision_scores" USING btree ("district_id","assessment_id","school_id");