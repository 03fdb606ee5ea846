CREATE TABLE "outbox" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"text" text NOT NULL,
	"link" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_channels" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_channels_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "homework_markings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"date" date NOT NULL,
	"scope" text NOT NULL,
	"students" smallint NOT NULL,
	"marked" smallint NOT NULL,
	"face_to_face" smallint DEFAULT 0 NOT NULL,
	"face_to_face_student_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"marked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_markings_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "homework_markings_item_uq" UNIQUE("district_id","item_id"),
	CONSTRAINT "homework_markings_counts_ck" CHECK ("homework_markings"."marked" between 0 and "homework_markings"."students" and "homework_markings"."face_to_face" between 0 and "homework_markings"."marked")
);
--> statement-breakpoint
CREATE TABLE "homework_excellent_lists" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"vacation_name" text NOT NULL,
	"vacation_from" date NOT NULL,
	"vacation_to" date NOT NULL,
	"min_excellent" smallint NOT NULL,
	"policy_versions" text,
	"students" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_excellent_lists_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "homework_excellent_lists_uq" UNIQUE("district_id","school_id","grade","vacation_from")
);
--> statement-breakpoint
CREATE TABLE "homework_hand_in_reviews" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"hand_in_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"comment" text,
	"excellent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_hand_in_reviews_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "homework_hand_in_reviews_uq" UNIQUE("district_id","hand_in_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "homework_hand_ins" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"date" date NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"handed_in_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_hand_ins_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "homework_hand_ins_day_uq" UNIQUE("district_id","student_id","date")
);
--> statement-breakpoint
ALTER TABLE "homework_class_day_stats" ADD COLUMN "students" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "homework_class_day_stats" ADD COLUMN "late_nights" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "homework_published" ADD COLUMN "policy_versions" text;--> statement-breakpoint
ALTER TABLE "homework_school_week_stats" ADD COLUMN "students" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "homework_student_days" ADD COLUMN "ended_at" time;--> statement-breakpoint
ALTER TABLE "homework_student_days" ADD COLUMN "late_minutes" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_channels" ADD CONSTRAINT "user_channels_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_channels" ADD CONSTRAINT "user_channels_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_markings" ADD CONSTRAINT "homework_markings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_markings" ADD CONSTRAINT "homework_markings_district_id_item_id_homework_items_district_id_id_fk" FOREIGN KEY ("district_id","item_id") REFERENCES "public"."homework_items"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_markings" ADD CONSTRAINT "homework_markings_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_markings" ADD CONSTRAINT "homework_markings_district_id_marked_by_users_district_id_id_fk" FOREIGN KEY ("district_id","marked_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_excellent_lists" ADD CONSTRAINT "homework_excellent_lists_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_excellent_lists" ADD CONSTRAINT "homework_excellent_lists_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_in_reviews" ADD CONSTRAINT "homework_hand_in_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_in_reviews" ADD CONSTRAINT "homework_hand_in_reviews_district_id_hand_in_id_homework_hand_ins_district_id_id_fk" FOREIGN KEY ("district_id","hand_in_id") REFERENCES "public"."homework_hand_ins"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_in_reviews" ADD CONSTRAINT "homework_hand_in_reviews_district_id_teacher_id_users_district_id_id_fk" FOREIGN KEY ("district_id","teacher_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_ins" ADD CONSTRAINT "homework_hand_ins_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_ins" ADD CONSTRAINT "homework_hand_ins_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_ins" ADD CONSTRAINT "homework_hand_ins_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_hand_ins" ADD CONSTRAINT "homework_hand_ins_district_id_handed_in_by_users_district_id_id_fk" FOREIGN KEY ("district_id","handed_in_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_channels_user_uq" ON "user_channels" USING btree ("district_id","user_id","channel");--> statement-breakpoint
CREATE INDEX "homework_markings_school_idx" ON "homework_markings" USING btree ("district_id","school_id","date");--> statement-breakpoint
CREATE INDEX "homework_markings_class_idx" ON "homework_markings" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "homework_hand_ins_class_idx" ON "homework_hand_ins" USING btree ("district_id","class_id","date");--> statement-breakpoint
CREATE INDEX "homework_hand_ins_grade_idx" ON "homework_hand_ins" USING btree ("district_id","school_id","grade","date");--> statement-breakpoint
CREATE INDEX "homework_class_day_stats_date_idx" ON "homework_class_day_stats" USING btree ("district_id","date");