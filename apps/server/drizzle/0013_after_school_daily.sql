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
CREATE INDEX "after_school_assessments_school_idx" ON "after_school_assessments" USING btree ("district_id","school_id","month");--> statement-breakpoint
CREATE INDEX "after_school_patrols_school_idx" ON "after_school_patrols" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "after_school_pickups_school_idx" ON "after_school_pickups" USING btree ("district_id","school_id","date");