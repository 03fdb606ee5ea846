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
CREATE UNIQUE INDEX "after_school_lunch_enrolments_live_uq" ON "after_school_lunch_enrolments" USING btree ("district_id","offer_id","student_id") WHERE "after_school_lunch_enrolments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "after_school_lunch_enrolments_offer_idx" ON "after_school_lunch_enrolments" USING btree ("district_id","offer_id");--> statement-breakpoint
CREATE INDEX "after_school_lunch_marks_student_idx" ON "after_school_lunch_marks" USING btree ("district_id","student_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_lunch_offers_term_uq" ON "after_school_lunch_offers" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_summer_enrolments_live_uq" ON "after_school_summer_enrolments" USING btree ("district_id","session_id","student_id") WHERE "after_school_summer_enrolments"."status" = 'enrolled';--> statement-breakpoint
CREATE INDEX "after_school_summer_enrolments_student_idx" ON "after_school_summer_enrolments" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "after_school_summer_sessions_site_idx" ON "after_school_summer_sessions" USING btree ("district_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_summer_sites_name_uq" ON "after_school_summer_sites" USING btree ("district_id","year","name");