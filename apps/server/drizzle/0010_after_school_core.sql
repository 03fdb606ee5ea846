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
CREATE INDEX "after_school_windows_school_idx" ON "after_school_windows" USING btree ("district_id","school_id","semester_id");