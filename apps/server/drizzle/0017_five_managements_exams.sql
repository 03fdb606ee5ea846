CREATE TABLE "attachments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollups" (
	"district_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid,
	"num" bigint DEFAULT 0 NOT NULL,
	"den" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_rollups_district_id_indicator_period_scope_id_pk" PRIMARY KEY("district_id","indicator","period","scope_id")
);
--> statement-breakpoint
CREATE TABLE "five_sleep_reports" (
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"stage" text NOT NULL,
	"bedtime" text NOT NULL,
	"wake_time" text NOT NULL,
	"minutes" smallint NOT NULL,
	"meets_minimum" boolean NOT NULL,
	"bedtime_ok" boolean NOT NULL,
	"late_minutes" smallint DEFAULT 0 NOT NULL,
	"homework_late" boolean DEFAULT false NOT NULL,
	"as_usual" boolean DEFAULT false NOT NULL,
	"min_minutes" smallint NOT NULL,
	"latest_bedtime" text NOT NULL,
	"policy_versions" text,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_sleep_reports_district_id_student_id_date_pk" PRIMARY KEY("district_id","student_id","date"),
	CONSTRAINT "five_sleep_reports_times_ck" CHECK (bedtime ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and wake_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "five_sleep_reports_minutes_ck" CHECK ("five_sleep_reports"."minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "five_sleep_usual" (
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"bedtime" text NOT NULL,
	"wake_time" text NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_sleep_usual_district_id_student_id_pk" PRIMARY KEY("district_id","student_id"),
	CONSTRAINT "five_sleep_usual_times_ck" CHECK (bedtime ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and wake_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "five_phone_hotlines" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_phone_hotlines_district_id_class_id_pk" PRIMARY KEY("district_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "five_phone_marks" (
	"district_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"date" date NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"handed_in" boolean NOT NULL,
	"returned" boolean NOT NULL,
	"marked_by" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_phone_marks_district_id_request_id_date_pk" PRIMARY KEY("district_id","request_id","date"),
	CONSTRAINT "five_phone_marks_returned_ck" CHECK ("five_phone_marks"."handed_in" or not "five_phone_marks"."returned")
);
--> statement-breakpoint
CREATE TABLE "five_phone_requests" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"undertaking" text NOT NULL,
	"undertaking_hash" text NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"policy_versions" text,
	"filed_by" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_on" date,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"ended_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "five_phone_requests_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "five_reading_entries" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"list" text NOT NULL,
	"match_key" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"publisher" text,
	"isbn" text,
	"kind" text NOT NULL,
	"grade_from" smallint NOT NULL,
	"grade_to" smallint NOT NULL,
	"reason" text,
	"added_on" date NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_reading_entries_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_reading_entries_grades_ck" CHECK ("five_reading_entries"."grade_from" between 1 and 9 and "five_reading_entries"."grade_to" between "five_reading_entries"."grade_from" and 9),
	CONSTRAINT "five_reading_entries_reason_ck" CHECK ("five_reading_entries"."list" <> 'negative' or "five_reading_entries"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "five_reading_filings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"title" text NOT NULL,
	"isbn" text,
	"publisher" text,
	"kind" text NOT NULL,
	"grades" smallint[] NOT NULL,
	"copies" integer NOT NULL,
	"source" text NOT NULL,
	"match_key" text NOT NULL,
	"status" text NOT NULL,
	"check" jsonb NOT NULL,
	"finding_id" text,
	"filed_on" date NOT NULL,
	"filed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_reading_filings_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_reading_filings_copies_ck" CHECK ("five_reading_filings"."copies" > 0)
);
--> statement-breakpoint
CREATE TABLE "five_fitness_days" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"big_break_minutes" smallint NOT NULL,
	"pe_lesson" boolean NOT NULL,
	"eye_exercises" smallint NOT NULL,
	"activity_minutes" smallint NOT NULL,
	"note" text,
	"big_break_ok" boolean NOT NULL,
	"eye_due" smallint NOT NULL,
	"eye_done" smallint NOT NULL,
	"activity_ok" boolean NOT NULL,
	"policy_version" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_fitness_days_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_fitness_days_class_uq" UNIQUE("district_id","class_id","date"),
	CONSTRAINT "five_fitness_days_minutes_ck" CHECK ("five_fitness_days"."big_break_minutes" between 0 and 120 and "five_fitness_days"."activity_minutes" between 0 and 240),
	CONSTRAINT "five_fitness_days_eye_ck" CHECK ("five_fitness_days"."eye_exercises" between 0 and 5 and "five_fitness_days"."eye_done" between 0 and "five_fitness_days"."eye_due")
);
--> statement-breakpoint
CREATE TABLE "five_fitness_test_imports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_fitness_test_imports_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "five_fitness_tests" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"import_id" uuid,
	"grade" smallint NOT NULL,
	"gender" text,
	"height_tenths" integer,
	"weight_tenths" integer,
	"items" jsonb NOT NULL,
	"standard_tenths" smallint NOT NULL,
	"extra_tenths" smallint NOT NULL,
	"total_tenths" smallint NOT NULL,
	"level" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_fitness_tests_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_fitness_tests_pupil_uq" UNIQUE("district_id","semester_id","student_id"),
	CONSTRAINT "five_fitness_tests_scores_ck" CHECK ("five_fitness_tests"."standard_tenths" between 0 and 1000 and "five_fitness_tests"."extra_tenths" between 0 and 200 and "five_fitness_tests"."total_tenths" = "five_fitness_tests"."standard_tenths" + "five_fitness_tests"."extra_tenths")
);
--> statement-breakpoint
CREATE TABLE "five_selfcheck_answers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"selfcheck_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"result" text NOT NULL,
	"text" text,
	"responsible" text,
	"answered_by" uuid NOT NULL,
	"answered_by_name" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_selfcheck_answers_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_selfcheck_answers_item_uq" UNIQUE("district_id","selfcheck_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "five_selfcheck_checklists" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"semester_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_selfcheck_checklists_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_selfcheck_checklists_semester_uq" UNIQUE("district_id","semester_id")
);
--> statement-breakpoint
CREATE TABLE "five_selfcheck_events" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rectification_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"deadline" date,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_selfcheck_events_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "five_selfcheck_items" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"no" smallint NOT NULL,
	"management" text NOT NULL,
	"text" text NOT NULL,
	"evidence" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	CONSTRAINT "five_selfcheck_items_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_selfcheck_items_no_uq" UNIQUE("district_id","checklist_id","no")
);
--> statement-breakpoint
CREATE TABLE "five_selfcheck_rectifications" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid,
	"management" text NOT NULL,
	"origin" text NOT NULL,
	"item_id" uuid,
	"answer_id" uuid,
	"source_area" text,
	"source_ref_id" text,
	"title" text NOT NULL,
	"detail" text,
	"rule" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"deadline" date NOT NULL,
	"citation" jsonb NOT NULL,
	"responsible" text,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_selfcheck_rectifications_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "five_selfchecks" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "five_selfchecks_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "five_selfchecks_school_uq" UNIQUE("district_id","checklist_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "exam_filings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"zone_id" uuid,
	"semester_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"form" text NOT NULL,
	"grades" smallint[] NOT NULL,
	"subject_ids" uuid[] NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amends_id" uuid,
	"filed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "exam_filings_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "exam_filings_grades_ck" CHECK (cardinality("exam_filings"."grades") >= 1),
	CONSTRAINT "exam_filings_subjects_ck" CHECK (cardinality("exam_filings"."subject_ids") >= 1)
);
--> statement-breakpoint
CREATE TABLE "exam_results" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"exam_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"level" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_results_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "exam_results_pupil_uq" UNIQUE("district_id","exam_id","student_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "growth_comments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_comments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "growth_comments_scope_uq" UNIQUE("district_id","student_id","semester_id","scope")
);
--> statement-breakpoint
CREATE TABLE "growth_entries" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"labour_code" text,
	"batch_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	CONSTRAINT "growth_entries_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "growth_entries_labour_ck" CHECK (("growth_entries"."kind" = 'labour') = ("growth_entries"."labour_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_district_id_uploaded_by_users_district_id_id_fk" FOREIGN KEY ("district_id","uploaded_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rollups" ADD CONSTRAINT "indicator_rollups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_reports" ADD CONSTRAINT "five_sleep_reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_reports" ADD CONSTRAINT "five_sleep_reports_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_reports" ADD CONSTRAINT "five_sleep_reports_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_reports" ADD CONSTRAINT "five_sleep_reports_district_id_reported_by_users_district_id_id_fk" FOREIGN KEY ("district_id","reported_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_usual" ADD CONSTRAINT "five_sleep_usual_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_usual" ADD CONSTRAINT "five_sleep_usual_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_sleep_usual" ADD CONSTRAINT "five_sleep_usual_district_id_saved_by_users_district_id_id_fk" FOREIGN KEY ("district_id","saved_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_hotlines" ADD CONSTRAINT "five_phone_hotlines_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_hotlines" ADD CONSTRAINT "five_phone_hotlines_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_hotlines" ADD CONSTRAINT "five_phone_hotlines_district_id_updated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_marks" ADD CONSTRAINT "five_phone_marks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_marks" ADD CONSTRAINT "five_phone_marks_district_id_request_id_five_phone_requests_district_id_id_fk" FOREIGN KEY ("district_id","request_id") REFERENCES "public"."five_phone_requests"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_marks" ADD CONSTRAINT "five_phone_marks_district_id_marked_by_users_district_id_id_fk" FOREIGN KEY ("district_id","marked_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_requests" ADD CONSTRAINT "five_phone_requests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_requests" ADD CONSTRAINT "five_phone_requests_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_requests" ADD CONSTRAINT "five_phone_requests_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_requests" ADD CONSTRAINT "five_phone_requests_district_id_filed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","filed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_phone_requests" ADD CONSTRAINT "five_phone_requests_district_id_decided_by_users_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_entries" ADD CONSTRAINT "five_reading_entries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_entries" ADD CONSTRAINT "five_reading_entries_district_id_updated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_filings" ADD CONSTRAINT "five_reading_filings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_filings" ADD CONSTRAINT "five_reading_filings_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_filings" ADD CONSTRAINT "five_reading_filings_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_reading_filings" ADD CONSTRAINT "five_reading_filings_district_id_filed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","filed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_days" ADD CONSTRAINT "five_fitness_days_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_days" ADD CONSTRAINT "five_fitness_days_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_days" ADD CONSTRAINT "five_fitness_days_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_days" ADD CONSTRAINT "five_fitness_days_district_id_recorded_by_users_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_test_imports" ADD CONSTRAINT "five_fitness_test_imports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_test_imports" ADD CONSTRAINT "five_fitness_test_imports_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_test_imports" ADD CONSTRAINT "five_fitness_test_imports_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_test_imports" ADD CONSTRAINT "five_fitness_test_imports_district_id_imported_by_users_district_id_id_fk" FOREIGN KEY ("district_id","imported_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_fitness_tests" ADD CONSTRAINT "five_fitness_tests_district_id_import_id_five_fitness_test_imports_district_id_id_fk" FOREIGN KEY ("district_id","import_id") REFERENCES "public"."five_fitness_test_imports"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_answers" ADD CONSTRAINT "five_selfcheck_answers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_answers" ADD CONSTRAINT "five_selfcheck_answers_district_id_selfcheck_id_five_selfchecks_district_id_id_fk" FOREIGN KEY ("district_id","selfcheck_id") REFERENCES "public"."five_selfchecks"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_answers" ADD CONSTRAINT "five_selfcheck_answers_district_id_item_id_five_selfcheck_items_district_id_id_fk" FOREIGN KEY ("district_id","item_id") REFERENCES "public"."five_selfcheck_items"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_checklists" ADD CONSTRAINT "five_selfcheck_checklists_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_checklists" ADD CONSTRAINT "five_selfcheck_checklists_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_events" ADD CONSTRAINT "five_selfcheck_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_events" ADD CONSTRAINT "five_selfcheck_events_district_id_rectification_id_five_selfcheck_rectifications_district_id_id_fk" FOREIGN KEY ("district_id","rectification_id") REFERENCES "public"."five_selfcheck_rectifications"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_items" ADD CONSTRAINT "five_selfcheck_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_items" ADD CONSTRAINT "five_selfcheck_items_district_id_checklist_id_five_selfcheck_checklists_district_id_id_fk" FOREIGN KEY ("district_id","checklist_id") REFERENCES "public"."five_selfcheck_checklists"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_rectifications" ADD CONSTRAINT "five_selfcheck_rectifications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_rectifications" ADD CONSTRAINT "five_selfcheck_rectifications_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_rectifications" ADD CONSTRAINT "five_selfcheck_rectifications_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfcheck_rectifications" ADD CONSTRAINT "five_selfcheck_rectifications_district_id_answer_id_five_selfcheck_answers_district_id_id_fk" FOREIGN KEY ("district_id","answer_id") REFERENCES "public"."five_selfcheck_answers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfchecks" ADD CONSTRAINT "five_selfchecks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfchecks" ADD CONSTRAINT "five_selfchecks_district_id_checklist_id_five_selfcheck_checklists_district_id_id_fk" FOREIGN KEY ("district_id","checklist_id") REFERENCES "public"."five_selfcheck_checklists"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "five_selfchecks" ADD CONSTRAINT "five_selfchecks_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_filings" ADD CONSTRAINT "exam_filings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_filings" ADD CONSTRAINT "exam_filings_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_filings" ADD CONSTRAINT "exam_filings_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_filings" ADD CONSTRAINT "exam_filings_district_id_filed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","filed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_filings" ADD CONSTRAINT "exam_filings_district_id_amends_id_exam_filings_district_id_id_fk" FOREIGN KEY ("district_id","amends_id") REFERENCES "public"."exam_filings"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_exam_id_exam_filings_district_id_id_fk" FOREIGN KEY ("district_id","exam_id") REFERENCES "public"."exam_filings"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_subject_id_subjects_district_id_id_fk" FOREIGN KEY ("district_id","subject_id") REFERENCES "public"."subjects"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_district_id_recorded_by_users_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_comments" ADD CONSTRAINT "growth_comments_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_entries" ADD CONSTRAINT "growth_entries_district_id_recorded_by_users_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("district_id","owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "indicator_rollups_school_idx" ON "indicator_rollups" USING btree ("district_id","school_id","period");--> statement-breakpoint
CREATE INDEX "five_sleep_reports_class_idx" ON "five_sleep_reports" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "five_phone_marks_class_idx" ON "five_phone_marks" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "five_phone_requests_pending_uq" ON "five_phone_requests" USING btree ("district_id","student_id") WHERE "five_phone_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "five_phone_requests_class_idx" ON "five_phone_requests" USING btree ("district_id","class_id","status");--> statement-breakpoint
CREATE INDEX "five_phone_requests_student_idx" ON "five_phone_requests" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "five_reading_entries_key_uq" ON "five_reading_entries" USING btree ("district_id","list","match_key");--> statement-breakpoint
CREATE INDEX "five_reading_entries_list_idx" ON "five_reading_entries" USING btree ("district_id","list","added_on");--> statement-breakpoint
CREATE UNIQUE INDEX "five_reading_filings_book_uq" ON "five_reading_filings" USING btree ("district_id","school_id","semester_id","match_key","source");--> statement-breakpoint
CREATE INDEX "five_reading_filings_semester_idx" ON "five_reading_filings" USING btree ("district_id","semester_id","school_id","status");--> statement-breakpoint
CREATE INDEX "five_fitness_days_school_idx" ON "five_fitness_days" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "five_fitness_test_imports_school_idx" ON "five_fitness_test_imports" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "five_fitness_tests_school_idx" ON "five_fitness_tests" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "five_fitness_tests_student_idx" ON "five_fitness_tests" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "five_selfcheck_events_rect_idx" ON "five_selfcheck_events" USING btree ("district_id","rectification_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "five_selfcheck_rect_source_open_uq" ON "five_selfcheck_rectifications" USING btree ("district_id","source_area","source_ref_id") WHERE status <> 'closed' and source_ref_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "five_selfcheck_rect_answer_open_uq" ON "five_selfcheck_rectifications" USING btree ("district_id","answer_id") WHERE status <> 'closed' and answer_id is not null;--> statement-breakpoint
CREATE INDEX "five_selfcheck_rect_school_idx" ON "five_selfcheck_rectifications" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "five_selfcheck_rect_open_idx" ON "five_selfcheck_rectifications" USING btree ("district_id","status","deadline");--> statement-breakpoint
CREATE INDEX "exam_filings_school_idx" ON "exam_filings" USING btree ("district_id","school_id","semester_id","status");--> statement-breakpoint
CREATE INDEX "exam_filings_semester_idx" ON "exam_filings" USING btree ("district_id","semester_id","status");--> statement-breakpoint
CREATE INDEX "exam_results_class_idx" ON "exam_results" USING btree ("district_id","exam_id","class_id","subject_id");--> statement-breakpoint
CREATE INDEX "exam_results_student_idx" ON "exam_results" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "growth_comments_class_idx" ON "growth_comments" USING btree ("district_id","class_id","semester_id");--> statement-breakpoint
CREATE INDEX "growth_entries_student_idx" ON "growth_entries" USING btree ("district_id","student_id","semester_id");--> statement-breakpoint
CREATE INDEX "growth_entries_class_idx" ON "growth_entries" USING btree ("district_id","class_id","semester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "growth_entries_labour_uq" ON "growth_entries" USING btree ("district_id","student_id","semester_id","labour_code") WHERE "growth_entries"."labour_code" is not null;