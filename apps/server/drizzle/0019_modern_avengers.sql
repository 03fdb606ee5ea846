CREATE TABLE "timetable_drafts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"cells" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_drafts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "timetable_drafts_class_uq" UNIQUE("district_id","class_id","semester_id")
);
--> statement-breakpoint
CREATE TABLE "timetable_finding_events" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_finding_events_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "timetable_findings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"patrol_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"message" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_findings_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "timetable_findings_patrol_uq" UNIQUE("district_id","patrol_id")
);
--> statement-breakpoint
CREATE TABLE "timetable_patrols" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"period" smallint NOT NULL,
	"subject" text NOT NULL,
	"timetabled" text,
	"version_id" uuid NOT NULL,
	"conforming" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_patrols_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "timetable_patrols_period_uq" UNIQUE("district_id","class_id","date","period")
);
--> statement-breakpoint
CREATE TABLE "timetable_versions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"pe_periods" smallint NOT NULL,
	"effective_from" date NOT NULL,
	"citation" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_versions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "timetable_versions_version_uq" UNIQUE("district_id","class_id","semester_id","version")
);
--> statement-breakpoint
CREATE TABLE "hs_care_records" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"by_id" uuid NOT NULL,
	"content" text NOT NULL,
	"follow_up" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_care_records_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "hs_care_records_content_ck" CHECK (length("hs_care_records"."content") > 0)
);
--> statement-breakpoint
CREATE TABLE "hs_care_staff" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"designated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_care_staff_district_id_school_id_user_id_pk" PRIMARY KEY("district_id","school_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "hs_special_files" (
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"goals" text,
	"measures" text,
	"responsible" text,
	"stand_in_id" uuid,
	"last_care_date" date,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_special_files_district_id_student_id_pk" PRIMARY KEY("district_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "hs_visits" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid,
	"teacher_id" uuid NOT NULL,
	"as_class_teacher" boolean NOT NULL,
	"mode" text NOT NULL,
	"date" date NOT NULL,
	"met_relation" text NOT NULL,
	"met_name" text NOT NULL,
	"topics" text[] NOT NULL,
	"topic_text" text,
	"notes" text,
	"follow_up" text,
	"follow_up_due" date,
	"follow_up_done_at" timestamp with time zone,
	"policy_versions" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_visits_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "hs_class_lectures" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"semester_id" uuid,
	"topic" text NOT NULL,
	"date" date NOT NULL,
	"link" text,
	"joined" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_class_lectures_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "hs_class_lectures_joined_ck" CHECK ("hs_class_lectures"."joined" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hs_lecture_signups" (
	"district_id" uuid NOT NULL,
	"lecture_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"attended" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_lecture_signups_district_id_lecture_id_user_id_pk" PRIMARY KEY("district_id","lecture_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "hs_lectures" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"semester_id" uuid,
	"title" text NOT NULL,
	"speaker" text,
	"date" date NOT NULL,
	"time" text,
	"place" text,
	"link" text,
	"capacity" integer NOT NULL,
	"signed_up" integer DEFAULT 0 NOT NULL,
	"grades" smallint[] NOT NULL,
	"held_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_lectures_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "hs_lectures_capacity_ck" CHECK ("hs_lectures"."signed_up" >= 0 and "hs_lectures"."signed_up" <= "hs_lectures"."capacity")
);
--> statement-breakpoint
CREATE TABLE "hs_meeting_attendance" (
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	CONSTRAINT "hs_meeting_attendance_district_id_meeting_id_student_id_pk" PRIMARY KEY("district_id","meeting_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "hs_meetings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"semester_id" uuid,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hs_meetings_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "student_sensitive" ADD COLUMN "learning_difficulty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "timetable_drafts" ADD CONSTRAINT "timetable_drafts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_drafts" ADD CONSTRAINT "timetable_drafts_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_drafts" ADD CONSTRAINT "timetable_drafts_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_drafts" ADD CONSTRAINT "timetable_drafts_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_finding_events" ADD CONSTRAINT "timetable_finding_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_finding_events" ADD CONSTRAINT "timetable_finding_events_district_id_finding_id_timetable_findings_district_id_id_fk" FOREIGN KEY ("district_id","finding_id") REFERENCES "public"."timetable_findings"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_findings" ADD CONSTRAINT "timetable_findings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_findings" ADD CONSTRAINT "timetable_findings_district_id_patrol_id_timetable_patrols_district_id_id_fk" FOREIGN KEY ("district_id","patrol_id") REFERENCES "public"."timetable_patrols"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_findings" ADD CONSTRAINT "timetable_findings_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_findings" ADD CONSTRAINT "timetable_findings_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_patrols" ADD CONSTRAINT "timetable_patrols_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_patrols" ADD CONSTRAINT "timetable_patrols_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_patrols" ADD CONSTRAINT "timetable_patrols_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_patrols" ADD CONSTRAINT "timetable_patrols_district_id_version_id_timetable_versions_district_id_id_fk" FOREIGN KEY ("district_id","version_id") REFERENCES "public"."timetable_versions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_versions" ADD CONSTRAINT "timetable_versions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_versions" ADD CONSTRAINT "timetable_versions_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_versions" ADD CONSTRAINT "timetable_versions_district_id_class_id_classes_district_id_id_fk" FOREIGN KEY ("district_id","class_id") REFERENCES "public"."classes"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_versions" ADD CONSTRAINT "timetable_versions_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_records" ADD CONSTRAINT "hs_care_records_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_records" ADD CONSTRAINT "hs_care_records_district_id_student_id_hs_special_files_district_id_student_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."hs_special_files"("district_id","student_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_records" ADD CONSTRAINT "hs_care_records_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_records" ADD CONSTRAINT "hs_care_records_district_id_by_id_users_district_id_id_fk" FOREIGN KEY ("district_id","by_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_staff" ADD CONSTRAINT "hs_care_staff_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_staff" ADD CONSTRAINT "hs_care_staff_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_staff" ADD CONSTRAINT "hs_care_staff_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_care_staff" ADD CONSTRAINT "hs_care_staff_district_id_designated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","designated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_special_files" ADD CONSTRAINT "hs_special_files_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_special_files" ADD CONSTRAINT "hs_special_files_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_special_files" ADD CONSTRAINT "hs_special_files_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_special_files" ADD CONSTRAINT "hs_special_files_district_id_stand_in_id_users_district_id_id_fk" FOREIGN KEY ("district_id","stand_in_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_special_files" ADD CONSTRAINT "hs_special_files_district_id_updated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_visits" ADD CONSTRAINT "hs_visits_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_visits" ADD CONSTRAINT "hs_visits_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_visits" ADD CONSTRAINT "hs_visits_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_visits" ADD CONSTRAINT "hs_visits_district_id_teacher_id_users_district_id_id_fk" FOREIGN KEY ("district_id","teacher_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_visits" ADD CONSTRAINT "hs_visits_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_class_lectures" ADD CONSTRAINT "hs_class_lectures_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_class_lectures" ADD CONSTRAINT "hs_class_lectures_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_class_lectures" ADD CONSTRAINT "hs_class_lectures_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_class_lectures" ADD CONSTRAINT "hs_class_lectures_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lecture_signups" ADD CONSTRAINT "hs_lecture_signups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lecture_signups" ADD CONSTRAINT "hs_lecture_signups_district_id_lecture_id_hs_lectures_district_id_id_fk" FOREIGN KEY ("district_id","lecture_id") REFERENCES "public"."hs_lectures"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lecture_signups" ADD CONSTRAINT "hs_lecture_signups_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lecture_signups" ADD CONSTRAINT "hs_lecture_signups_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lecture_signups" ADD CONSTRAINT "hs_lecture_signups_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lectures" ADD CONSTRAINT "hs_lectures_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lectures" ADD CONSTRAINT "hs_lectures_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lectures" ADD CONSTRAINT "hs_lectures_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_lectures" ADD CONSTRAINT "hs_lectures_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meeting_attendance" ADD CONSTRAINT "hs_meeting_attendance_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meeting_attendance" ADD CONSTRAINT "hs_meeting_attendance_district_id_meeting_id_hs_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."hs_meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meeting_attendance" ADD CONSTRAINT "hs_meeting_attendance_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meetings" ADD CONSTRAINT "hs_meetings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meetings" ADD CONSTRAINT "hs_meetings_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meetings" ADD CONSTRAINT "hs_meetings_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_meetings" ADD CONSTRAINT "hs_meetings_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timetable_finding_events_idx" ON "timetable_finding_events" USING btree ("district_id","finding_id","at");--> statement-breakpoint
CREATE INDEX "timetable_findings_school_idx" ON "timetable_findings" USING btree ("district_id","school_id","status");--> statement-breakpoint
CREATE INDEX "timetable_patrols_school_idx" ON "timetable_patrols" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "timetable_versions_school_idx" ON "timetable_versions" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "hs_care_records_student_idx" ON "hs_care_records" USING btree ("district_id","student_id","date");--> statement-breakpoint
CREATE INDEX "hs_special_files_school_idx" ON "hs_special_files" USING btree ("district_id","school_id","class_id");--> statement-breakpoint
CREATE INDEX "hs_visits_teacher_idx" ON "hs_visits" USING btree ("district_id","teacher_id","date");--> statement-breakpoint
CREATE INDEX "hs_visits_class_idx" ON "hs_visits" USING btree ("district_id","class_id","semester_id");--> statement-breakpoint
CREATE INDEX "hs_visits_student_idx" ON "hs_visits" USING btree ("district_id","student_id","semester_id");--> statement-breakpoint
CREATE INDEX "hs_class_lectures_class_idx" ON "hs_class_lectures" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "hs_lectures_date_idx" ON "hs_lectures" USING btree ("district_id","date");--> statement-breakpoint
CREATE INDEX "hs_meetings_class_idx" ON "hs_meetings" USING btree ("district_id","class_id","date");