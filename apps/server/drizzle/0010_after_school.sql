CREATE SEQUENCE "public"."after_school_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "after_school_agreements" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text_hash" text NOT NULL,
	"opted_out_at" timestamp with time zone,
	"opt_out_from" date,
	"opt_out_reason" text,
	CONSTRAINT "after_school_agreements_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_agreements_student_uq" UNIQUE("district_id","student_id","semester_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_attendance" (
	"district_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	CONSTRAINT "after_school_attendance_district_id_session_id_student_id_pk" PRIMARY KEY("district_id","session_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_courses" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text,
	"grades" smallint[] NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"room" text,
	"staffing" text NOT NULL,
	"teacher_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"volunteers" text[] DEFAULT '{}'::text[] NOT NULL,
	"provider_id" uuid,
	"price_per_lesson_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_courses_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_courses_name_uq" UNIQUE("district_id","school_id","semester_id","name"),
	CONSTRAINT "after_school_courses_seats_ck" CHECK ("after_school_courses"."enrolled" >= 0 and "after_school_courses"."enrolled" <= "after_school_courses"."capacity"),
	CONSTRAINT "after_school_courses_times_ck" CHECK ("after_school_courses"."start_time" < "after_school_courses"."end_time"),
	CONSTRAINT "after_school_courses_provider_ck" CHECK (("after_school_courses"."staffing" = 'provider') = ("after_school_courses"."provider_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "after_school_enrolments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"window_id" uuid,
	"status" text NOT NULL,
	"position" bigint NOT NULL,
	"chosen_by" uuid NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seated_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_from" date,
	CONSTRAINT "after_school_enrolments_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_leaves" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "after_school_leaves_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_leaves_dates_ck" CHECK ("after_school_leaves"."from_date" <= "after_school_leaves"."to_date")
);
--> statement-breakpoint
CREATE TABLE "after_school_plans" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" jsonb NOT NULL,
	"courses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"check" jsonb,
	"policy_versions" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_plans_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_plans_version_uq" UNIQUE("district_id","school_id","semester_id","version")
);
--> statement-breakpoint
CREATE TABLE "after_school_providers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"item" text NOT NULL,
	"category" text NOT NULL,
	"price_per_lesson_fen" bigint NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"listed_from" date NOT NULL,
	"listed_until" date,
	"panel_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_providers_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_providers_item_uq" UNIQUE("district_id","institution_id","item"),
	CONSTRAINT "after_school_providers_price_ck" CHECK ("after_school_providers"."price_per_lesson_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_school_stats" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"plan_status" text DEFAULT 'none' NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"students_served" integer DEFAULT 0 NOT NULL,
	"teachers" integer DEFAULT 0 NOT NULL,
	"teachers_serving" integer DEFAULT 0 NOT NULL,
	"courses" integer DEFAULT 0 NOT NULL,
	"provider_courses" integer DEFAULT 0 NOT NULL,
	"sessions_held" integer DEFAULT 0 NOT NULL,
	"attendance_present" integer DEFAULT 0 NOT NULL,
	"attendance_expected" integer DEFAULT 0 NOT NULL,
	"fees_due_fen" bigint DEFAULT 0 NOT NULL,
	"fees_paid_fen" bigint DEFAULT 0 NOT NULL,
	"waivers_fen" bigint DEFAULT 0 NOT NULL,
	"refunds_fen" bigint DEFAULT 0 NOT NULL,
	"survey_answers" integer DEFAULT 0 NOT NULL,
	"satisfaction_sum" integer DEFAULT 0 NOT NULL,
	"patrols" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_school_stats_district_id_school_id_semester_id_pk" PRIMARY KEY("district_id","school_id","semester_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_sessions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"minutes" smallint NOT NULL,
	"teacher_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"expected" integer DEFAULT 0 NOT NULL,
	"present" integer DEFAULT 0 NOT NULL,
	"note" text,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	CONSTRAINT "after_school_sessions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_sessions_day_uq" UNIQUE("district_id","course_id","date")
);
--> statement-breakpoint
CREATE TABLE "after_school_windows" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"max_clubs" smallint DEFAULT 2 NOT NULL,
	"lottery_seed" text,
	"drawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "after_school_windows_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_windows_times_ck" CHECK ("after_school_windows"."opens_at" < "after_school_windows"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "after_school_survey_answers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"course_id" uuid,
	"answers" jsonb NOT NULL,
	CONSTRAINT "after_school_survey_answers_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_survey_recipients" (
	"district_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"course_id" uuid,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "after_school_survey_recipients_district_id_survey_id_student_id_pk" PRIMARY KEY("district_id","survey_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_surveys" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"title" text NOT NULL,
	"intro" text,
	"questions" jsonb NOT NULL,
	"audience_school_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_grades" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"audience_course_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "after_school_surveys_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_surveys_dates_ck" CHECK ("after_school_surveys"."opens_on" <= "after_school_surveys"."closes_on")
);
--> statement-breakpoint
CREATE TABLE "after_school_assessments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"month" text NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_assessments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_assessments_month_uq" UNIQUE("district_id","course_id","month"),
	CONSTRAINT "after_school_assessments_score_ck" CHECK ("after_school_assessments"."score" between 1 and 100),
	CONSTRAINT "after_school_assessments_month_ck" CHECK ("after_school_assessments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "after_school_patrols" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"date" date NOT NULL,
	"course_id" uuid,
	"place" text,
	"findings" text NOT NULL,
	"rating" smallint NOT NULL,
	"issues" text[] DEFAULT '{}'::text[] NOT NULL,
	"patrolled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_patrols_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_patrols_rating_ck" CHECK ("after_school_patrols"."rating" between 1 and 5),
	CONSTRAINT "after_school_patrols_where_ck" CHECK ("after_school_patrols"."course_id" is not null or "after_school_patrols"."place" is not null)
);
--> statement-breakpoint
CREATE TABLE "after_school_pickups" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"collector_name" text NOT NULL,
	"relation" text NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_pickups_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_pickups_day_uq" UNIQUE("district_id","student_id","date")
);
--> statement-breakpoint
CREATE TABLE "after_school_bills" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"month" text NOT NULL,
	"fee_fen" bigint NOT NULL,
	"waiver_fen" bigint NOT NULL,
	"waiver_category" text,
	"refund_fen" bigint NOT NULL,
	"pass_through_fen" bigint NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"detail" jsonb NOT NULL,
	"policy_versions" text,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_by" uuid NOT NULL,
	CONSTRAINT "after_school_bills_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_bills_month_uq" UNIQUE("district_id","student_id","month"),
	CONSTRAINT "after_school_bills_month_ck" CHECK ("after_school_bills"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "after_school_bills_paid_ck" CHECK ("after_school_bills"."paid_fen" >= 0 and "after_school_bills"."paid_fen" <= "after_school_bills"."due_fen"),
	CONSTRAINT "after_school_bills_due_ck" CHECK ("after_school_bills"."due_fen" = "after_school_bills"."fee_fen" + "after_school_bills"."pass_through_fen" - "after_school_bills"."waiver_fen" - "after_school_bills"."refund_fen" and "after_school_bills"."due_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_charges" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reverses" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "after_school_charges_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_funds" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"month" text,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_funds_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_funds_amount_ck" CHECK ("after_school_funds"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_payment_imports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"recorded" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_payment_imports_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_payments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid,
	"amount_fen" bigint NOT NULL,
	"applied_fen" bigint DEFAULT 0 NOT NULL,
	"paid_on" date NOT NULL,
	"payer" text,
	"remark" text,
	"reference" text,
	"source" text NOT NULL,
	"import_id" uuid,
	"row_number" integer,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"matched_by" uuid,
	"matched_at" timestamp with time zone,
	CONSTRAINT "after_school_payments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_payments_reference_uq" UNIQUE("district_id","school_id","reference"),
	CONSTRAINT "after_school_payments_amount_ck" CHECK ("after_school_payments"."amount_fen" > 0 and "after_school_payments"."applied_fen" >= 0 and "after_school_payments"."applied_fen" <= "after_school_payments"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "after_school_settlements" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"settled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_settlements_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_settlements_version_uq" UNIQUE("district_id","school_id","semester_id","period","version")
);
--> statement-breakpoint
CREATE TABLE "after_school_waivers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "after_school_waivers_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_lunch_enrolments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kitchen" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"enrolled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_lunch_enrolments_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_lunch_marks" (
	"district_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"date" date NOT NULL,
	"mark" text NOT NULL,
	"taken_by" uuid NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_lunch_marks_district_id_offer_id_date_student_id_pk" PRIMARY KEY("district_id","offer_id","date","student_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_lunch_offers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"kitchens" text[] NOT NULL,
	"fee_mode" text NOT NULL,
	"fee_fen" bigint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "after_school_lunch_offers_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_lunch_offers_fee_ck" CHECK ("after_school_lunch_offers"."fee_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_summer_enrolments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"waiver_code" text,
	"gross_fen" bigint NOT NULL,
	"waived_fen" bigint NOT NULL,
	"due_fen" bigint NOT NULL,
	"policy_versions" text,
	"enrolled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_summer_enrolments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_summer_enrolments_fee_ck" CHECK ("after_school_summer_enrolments"."due_fen" = "after_school_summer_enrolments"."gross_fen" - "after_school_summer_enrolments"."waived_fen" and "after_school_summer_enrolments"."due_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_summer_marks" (
	"district_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"mark" text NOT NULL,
	"taken_by" uuid NOT NULL,
	CONSTRAINT "after_school_summer_marks_district_id_session_id_date_student_id_pk" PRIMARY KEY("district_id","session_id","date","student_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_summer_rota" (
	"district_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"date" date NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "after_school_summer_rota_district_id_site_id_date_user_id_pk" PRIMARY KEY("district_id","site_id","date","user_id")
);
--> statement-breakpoint
CREATE TABLE "after_school_summer_sessions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "after_school_summer_sessions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_summer_sessions_seats_ck" CHECK ("after_school_summer_sessions"."enrolled" >= 0 and "after_school_summer_sessions"."enrolled" <= "after_school_summer_sessions"."capacity"),
	CONSTRAINT "after_school_summer_sessions_dates_ck" CHECK ("after_school_summer_sessions"."start_date" <= "after_school_summer_sessions"."end_date")
);
--> statement-breakpoint
CREATE TABLE "after_school_summer_sites" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"fee_mode" text NOT NULL,
	"fee_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "after_school_summer_sites_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_summer_sites_capacity_ck" CHECK ("after_school_summer_sites"."capacity" > 0),
	CONSTRAINT "after_school_summer_sites_kind_ck" CHECK ("after_school_summer_sites"."kind" = 'community' or "after_school_summer_sites"."school_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_plan_id_after_school_plans_district_id_id_fk" FOREIGN KEY ("district_id","plan_id") REFERENCES "public"."after_school_plans"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_agreements" ADD CONSTRAINT "after_school_agreements_district_id_signed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","signed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_attendance" ADD CONSTRAINT "after_school_attendance_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_attendance" ADD CONSTRAINT "after_school_attendance_district_id_session_id_after_school_sessions_district_id_id_fk" FOREIGN KEY ("district_id","session_id") REFERENCES "public"."after_school_sessions"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_attendance" ADD CONSTRAINT "after_school_attendance_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_courses" ADD CONSTRAINT "after_school_courses_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_courses" ADD CONSTRAINT "after_school_courses_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_courses" ADD CONSTRAINT "after_school_courses_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_courses" ADD CONSTRAINT "after_school_courses_district_id_provider_id_after_school_providers_district_id_id_fk" FOREIGN KEY ("district_id","provider_id") REFERENCES "public"."after_school_providers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_enrolments" ADD CONSTRAINT "after_school_enrolments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_enrolments" ADD CONSTRAINT "after_school_enrolments_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_enrolments" ADD CONSTRAINT "after_school_enrolments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_enrolments" ADD CONSTRAINT "after_school_enrolments_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_enrolments" ADD CONSTRAINT "after_school_enrolments_district_id_window_id_after_school_windows_district_id_id_fk" FOREIGN KEY ("district_id","window_id") REFERENCES "public"."after_school_windows"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_leaves" ADD CONSTRAINT "after_school_leaves_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_leaves" ADD CONSTRAINT "after_school_leaves_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_leaves" ADD CONSTRAINT "after_school_leaves_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_plans" ADD CONSTRAINT "after_school_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_plans" ADD CONSTRAINT "after_school_plans_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_plans" ADD CONSTRAINT "after_school_plans_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_providers" ADD CONSTRAINT "after_school_providers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_providers" ADD CONSTRAINT "after_school_providers_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_school_stats" ADD CONSTRAINT "after_school_school_stats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_school_stats" ADD CONSTRAINT "after_school_school_stats_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_school_stats" ADD CONSTRAINT "after_school_school_stats_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_sessions" ADD CONSTRAINT "after_school_sessions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_sessions" ADD CONSTRAINT "after_school_sessions_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_sessions" ADD CONSTRAINT "after_school_sessions_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_windows" ADD CONSTRAINT "after_school_windows_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_windows" ADD CONSTRAINT "after_school_windows_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_windows" ADD CONSTRAINT "after_school_windows_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_answers" ADD CONSTRAINT "after_school_survey_answers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_answers" ADD CONSTRAINT "after_school_survey_answers_district_id_survey_id_after_school_surveys_district_id_id_fk" FOREIGN KEY ("district_id","survey_id") REFERENCES "public"."after_school_surveys"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_answers" ADD CONSTRAINT "after_school_survey_answers_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_answers" ADD CONSTRAINT "after_school_survey_answers_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_recipients" ADD CONSTRAINT "after_school_survey_recipients_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_recipients" ADD CONSTRAINT "after_school_survey_recipients_district_id_survey_id_after_school_surveys_district_id_id_fk" FOREIGN KEY ("district_id","survey_id") REFERENCES "public"."after_school_surveys"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_recipients" ADD CONSTRAINT "after_school_survey_recipients_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_recipients" ADD CONSTRAINT "after_school_survey_recipients_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_survey_recipients" ADD CONSTRAINT "after_school_survey_recipients_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_surveys" ADD CONSTRAINT "after_school_surveys_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_surveys" ADD CONSTRAINT "after_school_surveys_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_surveys" ADD CONSTRAINT "after_school_surveys_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_assessments" ADD CONSTRAINT "after_school_assessments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_assessments" ADD CONSTRAINT "after_school_assessments_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_assessments" ADD CONSTRAINT "after_school_assessments_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_assessments" ADD CONSTRAINT "after_school_assessments_district_id_assessed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","assessed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_patrols" ADD CONSTRAINT "after_school_patrols_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_patrols" ADD CONSTRAINT "after_school_patrols_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_patrols" ADD CONSTRAINT "after_school_patrols_district_id_course_id_after_school_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."after_school_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_patrols" ADD CONSTRAINT "after_school_patrols_district_id_patrolled_by_users_district_id_id_fk" FOREIGN KEY ("district_id","patrolled_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_pickups" ADD CONSTRAINT "after_school_pickups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_pickups" ADD CONSTRAINT "after_school_pickups_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_pickups" ADD CONSTRAINT "after_school_pickups_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_pickups" ADD CONSTRAINT "after_school_pickups_district_id_recorded_by_users_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_bill_id_after_school_bills_district_id_id_fk" FOREIGN KEY ("district_id","bill_id") REFERENCES "public"."after_school_bills"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_imported_by_users_district_id_id_fk" FOREIGN KEY ("district_id","imported_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_import_id_after_school_payment_imports_district_id_id_fk" FOREIGN KEY ("district_id","import_id") REFERENCES "public"."after_school_payment_imports"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_enrolments" ADD CONSTRAINT "after_school_lunch_enrolments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_enrolments" ADD CONSTRAINT "after_school_lunch_enrolments_district_id_offer_id_after_school_lunch_offers_district_id_id_fk" FOREIGN KEY ("district_id","offer_id") REFERENCES "public"."after_school_lunch_offers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_enrolments" ADD CONSTRAINT "after_school_lunch_enrolments_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_enrolments" ADD CONSTRAINT "after_school_lunch_enrolments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_enrolments" ADD CONSTRAINT "after_school_lunch_enrolments_district_id_enrolled_by_users_district_id_id_fk" FOREIGN KEY ("district_id","enrolled_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_marks" ADD CONSTRAINT "after_school_lunch_marks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_marks" ADD CONSTRAINT "after_school_lunch_marks_district_id_offer_id_after_school_lunch_offers_district_id_id_fk" FOREIGN KEY ("district_id","offer_id") REFERENCES "public"."after_school_lunch_offers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_marks" ADD CONSTRAINT "after_school_lunch_marks_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_offers" ADD CONSTRAINT "after_school_lunch_offers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_offers" ADD CONSTRAINT "after_school_lunch_offers_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_lunch_offers" ADD CONSTRAINT "after_school_lunch_offers_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_enrolments" ADD CONSTRAINT "after_school_summer_enrolments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_enrolments" ADD CONSTRAINT "after_school_summer_enrolments_district_id_session_id_after_school_summer_sessions_district_id_id_fk" FOREIGN KEY ("district_id","session_id") REFERENCES "public"."after_school_summer_sessions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_enrolments" ADD CONSTRAINT "after_school_summer_enrolments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_enrolments" ADD CONSTRAINT "after_school_summer_enrolments_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_marks" ADD CONSTRAINT "after_school_summer_marks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_marks" ADD CONSTRAINT "after_school_summer_marks_district_id_session_id_after_school_summer_sessions_district_id_id_fk" FOREIGN KEY ("district_id","session_id") REFERENCES "public"."after_school_summer_sessions"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_marks" ADD CONSTRAINT "after_school_summer_marks_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_rota" ADD CONSTRAINT "after_school_summer_rota_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_rota" ADD CONSTRAINT "after_school_summer_rota_district_id_site_id_after_school_summer_sites_district_id_id_fk" FOREIGN KEY ("district_id","site_id") REFERENCES "public"."after_school_summer_sites"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_rota" ADD CONSTRAINT "after_school_summer_rota_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_sessions" ADD CONSTRAINT "after_school_summer_sessions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_sessions" ADD CONSTRAINT "after_school_summer_sessions_district_id_site_id_after_school_summer_sites_district_id_id_fk" FOREIGN KEY ("district_id","site_id") REFERENCES "public"."after_school_summer_sites"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_sites" ADD CONSTRAINT "after_school_summer_sites_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_summer_sites" ADD CONSTRAINT "after_school_summer_sites_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_school_agreements_school_idx" ON "after_school_agreements" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "after_school_attendance_student_idx" ON "after_school_attendance" USING btree ("district_id","student_id","date");--> statement-breakpoint
CREATE INDEX "after_school_courses_school_idx" ON "after_school_courses" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_enrolments_live_uq" ON "after_school_enrolments" USING btree ("district_id","student_id","course_id") WHERE "after_school_enrolments"."status" in ('enrolled', 'waitlisted', 'requested');--> statement-breakpoint
CREATE INDEX "after_school_enrolments_course_idx" ON "after_school_enrolments" USING btree ("district_id","course_id","status","position");--> statement-breakpoint
CREATE INDEX "after_school_enrolments_student_idx" ON "after_school_enrolments" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "after_school_leaves_student_idx" ON "after_school_leaves" USING btree ("district_id","student_id","from_date");--> statement-breakpoint
CREATE INDEX "after_school_leaves_school_idx" ON "after_school_leaves" USING btree ("district_id","school_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_plans_open_uq" ON "after_school_plans" USING btree ("district_id","school_id","semester_id") WHERE "after_school_plans"."status" in ('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_plans_in_force_uq" ON "after_school_plans" USING btree ("district_id","school_id","semester_id") WHERE "after_school_plans"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "after_school_plans_status_idx" ON "after_school_plans" USING btree ("district_id","semester_id","status");--> statement-breakpoint
CREATE INDEX "after_school_sessions_school_idx" ON "after_school_sessions" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "after_school_windows_school_idx" ON "after_school_windows" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "after_school_survey_answers_survey_idx" ON "after_school_survey_answers" USING btree ("district_id","survey_id","school_id");--> statement-breakpoint
CREATE INDEX "after_school_survey_recipients_student_idx" ON "after_school_survey_recipients" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "after_school_surveys_school_idx" ON "after_school_surveys" USING btree ("district_id","school_id","opens_on");--> statement-breakpoint
CREATE INDEX "after_school_assessments_school_idx" ON "after_school_assessments" USING btree ("district_id","school_id","month");--> statement-breakpoint
CREATE INDEX "after_school_patrols_school_idx" ON "after_school_patrols" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "after_school_pickups_school_idx" ON "after_school_pickups" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "after_school_bills_school_idx" ON "after_school_bills" USING btree ("district_id","school_id","month");--> statement-breakpoint
CREATE INDEX "after_school_charges_bill_idx" ON "after_school_charges" USING btree ("district_id","bill_id");--> statement-breakpoint
CREATE INDEX "after_school_funds_school_idx" ON "after_school_funds" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "after_school_payments_school_idx" ON "after_school_payments" USING btree ("district_id","school_id","paid_on");--> statement-breakpoint
CREATE INDEX "after_school_payments_student_idx" ON "after_school_payments" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_waivers_live_uq" ON "after_school_waivers" USING btree ("district_id","student_id","semester_id","category") WHERE "after_school_waivers"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "after_school_waivers_school_idx" ON "after_school_waivers" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_lunch_enrolments_live_uq" ON "after_school_lunch_enrolments" USING btree ("district_id","offer_id","student_id") WHERE "after_school_lunch_enrolments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "after_school_lunch_enrolments_offer_idx" ON "after_school_lunch_enrolments" USING btree ("district_id","offer_id");--> statement-breakpoint
CREATE INDEX "after_school_lunch_marks_student_idx" ON "after_school_lunch_marks" USING btree ("district_id","student_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_lunch_offers_term_uq" ON "after_school_lunch_offers" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_summer_enrolments_live_uq" ON "after_school_summer_enrolments" USING btree ("district_id","session_id","student_id") WHERE "after_school_summer_enrolments"."status" = 'enrolled';--> statement-breakpoint
CREATE INDEX "after_school_summer_enrolments_student_idx" ON "after_school_summer_enrolments" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "after_school_summer_sessions_site_idx" ON "after_school_summer_sessions" USING btree ("district_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_summer_sites_name_uq" ON "after_school_summer_sites" USING btree ("district_id","year","name");