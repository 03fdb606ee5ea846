CREATE SEQUENCE "public"."after_school_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
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
CREATE INDEX "after_school_survey_answers_survey_idx" ON "after_school_survey_answers" USING btree ("district_id","survey_id","school_id");--> statement-breakpoint
CREATE INDEX "after_school_survey_recipients_student_idx" ON "after_school_survey_recipients" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "after_school_surveys_school_idx" ON "after_school_surveys" USING btree ("district_id","school_id","opens_on");