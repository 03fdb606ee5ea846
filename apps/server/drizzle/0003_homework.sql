CREATE TABLE "notifications" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_attachments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_attachments_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_class_day_stats" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"day_kind" text NOT NULL,
	"limit_minutes" smallint NOT NULL,
	"planned_written" smallint DEFAULT 0 NOT NULL,
	"planned_optional" smallint DEFAULT 0 NOT NULL,
	"planned_other" smallint DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"planned_over" boolean DEFAULT false NOT NULL,
	"reporters" smallint DEFAULT 0 NOT NULL,
	"within_limit" smallint DEFAULT 0 NOT NULL,
	"bedtime_stops" smallint DEFAULT 0 NOT NULL,
	"over_limit" smallint DEFAULT 0 NOT NULL,
	"median_minutes" smallint,
	"p90_minutes" smallint,
	"overloaded" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_class_day_stats_district_id_class_id_date_pk" PRIMARY KEY("district_id","class_id","date")
);
--> statement-breakpoint
CREATE TABLE "homework_collection_designs" (
	"district_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"design_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_collection_designs_district_id_collection_id_design_id_pk" PRIMARY KEY("district_id","collection_id","design_id")
);
--> statement-breakpoint
CREATE TABLE "homework_collections" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_collections_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_days" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_version" smallint DEFAULT 0 NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"submit_note" text,
	"return_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_days_district_id_class_id_date_pk" PRIMARY KEY("district_id","class_id","date")
);
--> statement-breakpoint
CREATE TABLE "homework_designs" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"author_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"unit" text,
	"type" text NOT NULL,
	"layer" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"minutes" smallint NOT NULL,
	"excellent" boolean DEFAULT false NOT NULL,
	"excellent_by" uuid,
	"source_item_id" uuid,
	"search_text" text GENERATED ALWAYS AS (coalesce(title, '') || ' ' || coalesce(unit, '') || ' ' || content) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_designs_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_feedback" (
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"done" boolean NOT NULL,
	"minutes" smallint,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_feedback_district_id_student_id_item_id_pk" PRIMARY KEY("district_id","student_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "homework_item_stats" (
	"district_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"estimate" smallint NOT NULL,
	"reports" smallint DEFAULT 0 NOT NULL,
	"median_minutes" smallint,
	"ratio" real,
	"flagged" boolean DEFAULT false NOT NULL,
	CONSTRAINT "homework_item_stats_district_id_item_id_pk" PRIMARY KEY("district_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "homework_items" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"subject_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"date" date NOT NULL,
	"plan_kind" text DEFAULT 'daily' NOT NULL,
	"batch_id" uuid NOT NULL,
	"title" text,
	"content" text NOT NULL,
	"type" text NOT NULL,
	"layer" text NOT NULL,
	"place" text NOT NULL,
	"minutes" smallint NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text NOT NULL,
	"return_reason" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"adjust_note" text,
	"original_minutes" smallint,
	"original_date" date,
	"design_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_items_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "homework_items_minutes_ck" CHECK ("homework_items"."minutes" between 0 and 600)
);
--> statement-breakpoint
CREATE TABLE "homework_mistakes" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"item_id" uuid,
	"subject_id" uuid,
	"date" date,
	"question" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "homework_mistakes_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_published" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" smallint NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"day_kind" text NOT NULL,
	"limit_minutes" smallint NOT NULL,
	"written" smallint NOT NULL,
	"optional" smallint NOT NULL,
	"other" smallint NOT NULL,
	"in_school" smallint NOT NULL,
	"items" jsonb NOT NULL,
	"reason" text,
	"published_by" uuid NOT NULL,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_published_district_id_class_id_date_version_pk" PRIMARY KEY("district_id","class_id","date","version")
);
--> statement-breakpoint
CREATE TABLE "homework_school_week_stats" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"class_days" integer DEFAULT 0 NOT NULL,
	"reported_days" integer DEFAULT 0 NOT NULL,
	"overloaded_days" integer DEFAULT 0 NOT NULL,
	"planned_over_days" integer DEFAULT 0 NOT NULL,
	"reporters" integer DEFAULT 0 NOT NULL,
	"within_limit" integer DEFAULT 0 NOT NULL,
	"bedtime_stops" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_school_week_stats_district_id_school_id_week_start_pk" PRIMARY KEY("district_id","school_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "homework_settings" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"content_check" boolean DEFAULT true NOT NULL,
	"class_coordination" boolean DEFAULT true NOT NULL,
	"school_approval" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "homework_settings_district_id_school_id_pk" PRIMARY KEY("district_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "homework_student_days" (
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"class_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"minutes" smallint NOT NULL,
	"finished" boolean NOT NULL,
	"within_limit" boolean NOT NULL,
	"stopped_at_bedtime" boolean NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_student_days_district_id_student_id_date_pk" PRIMARY KEY("district_id","student_id","date")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_attachments" ADD CONSTRAINT "homework_attachments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_class_day_stats" ADD CONSTRAINT "homework_class_day_stats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_collection_designs" ADD CONSTRAINT "homework_collection_designs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_collection_designs" ADD CONSTRAINT "homework_collection_designs_district_id_collection_id_homework_collections_district_id_id_fk" FOREIGN KEY ("district_id","collection_id") REFERENCES "public"."homework_collections"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_collection_designs" ADD CONSTRAINT "homework_collection_designs_district_id_design_id_homework_designs_district_id_id_fk" FOREIGN KEY ("district_id","design_id") REFERENCES "public"."homework_designs"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_collections" ADD CONSTRAINT "homework_collections_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_days" ADD CONSTRAINT "homework_days_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_days" ADD CONSTRAINT "homework_days_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_designs" ADD CONSTRAINT "homework_designs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_designs" ADD CONSTRAINT "homework_designs_district_id_subject_id_subjects_district_id_id_fk" FOREIGN KEY ("district_id","subject_id") REFERENCES "public"."subjects"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_feedback" ADD CONSTRAINT "homework_feedback_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_feedback" ADD CONSTRAINT "homework_feedback_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_item_stats" ADD CONSTRAINT "homework_item_stats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_items" ADD CONSTRAINT "homework_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_items" ADD CONSTRAINT "homework_items_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_items" ADD CONSTRAINT "homework_items_district_id_subject_id_subjects_district_id_id_fk" FOREIGN KEY ("district_id","subject_id") REFERENCES "public"."subjects"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_items" ADD CONSTRAINT "homework_items_district_id_teacher_id_users_district_id_id_fk" FOREIGN KEY ("district_id","teacher_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_mistakes" ADD CONSTRAINT "homework_mistakes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_mistakes" ADD CONSTRAINT "homework_mistakes_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_published" ADD CONSTRAINT "homework_published_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_published" ADD CONSTRAINT "homework_published_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_school_week_stats" ADD CONSTRAINT "homework_school_week_stats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_settings" ADD CONSTRAINT "homework_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_settings" ADD CONSTRAINT "homework_settings_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_student_days" ADD CONSTRAINT "homework_student_days_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_student_days" ADD CONSTRAINT "homework_student_days_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("district_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "homework_class_day_stats_school_idx" ON "homework_class_day_stats" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "homework_days_school_status_idx" ON "homework_days" USING btree ("district_id","school_id","status","date");--> statement-breakpoint
CREATE INDEX "homework_designs_filter_idx" ON "homework_designs" USING btree ("district_id","subject_id","grade");--> statement-breakpoint
CREATE INDEX "homework_designs_search_idx" ON "homework_designs" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "homework_feedback_item_idx" ON "homework_feedback" USING btree ("district_id","item_id");--> statement-breakpoint
CREATE INDEX "homework_item_stats_school_idx" ON "homework_item_stats" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "homework_item_stats_teacher_idx" ON "homework_item_stats" USING btree ("district_id","teacher_id","date");--> statement-breakpoint
CREATE INDEX "homework_items_class_date_idx" ON "homework_items" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "homework_items_teacher_idx" ON "homework_items" USING btree ("district_id","teacher_id","date");--> statement-breakpoint
CREATE INDEX "homework_items_school_status_idx" ON "homework_items" USING btree ("district_id","school_id","status","date");--> statement-breakpoint
CREATE INDEX "homework_mistakes_class_idx" ON "homework_mistakes" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "homework_mistakes_student_idx" ON "homework_mistakes" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "homework_school_week_stats_week_idx" ON "homework_school_week_stats" USING btree ("district_id","week_start");--> statement-breakpoint
CREATE INDEX "homework_student_days_class_idx" ON "homework_student_days" USING btree ("district_id","class_id","date");