CREATE TABLE "training_accounts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"institution_id" uuid,
	"order_id" uuid,
	"non_negative" integer DEFAULT 0 NOT NULL,
	"debits_posted" bigint DEFAULT 0 NOT NULL,
	"credits_posted" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_accounts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_accounts_totals_ck" CHECK ("training_accounts"."debits_posted" >= 0 and "training_accounts"."credits_posted" >= 0),
	CONSTRAINT "training_accounts_non_negative_ck" CHECK ("training_accounts"."non_negative" = 0 or "training_accounts"."debits_posted" <= "training_accounts"."credits_posted")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"subtype" text NOT NULL,
	"category" text NOT NULL,
	"mode" text NOT NULL,
	"lesson_minutes" smallint NOT NULL,
	"max_class_size" smallint NOT NULL,
	"price_per_lesson_fen" bigint NOT NULL,
	"grades" text,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_courses_name_uq" UNIQUE("district_id","institution_id","name"),
	CONSTRAINT "training_courses_price_ck" CHECK ("training_courses"."price_per_lesson_fen" >= 0),
	CONSTRAINT "training_courses_size_ck" CHECK ("training_courses"."max_class_size" > 0 and "training_courses"."lesson_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_orders" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_user_id" uuid NOT NULL,
	"lessons" smallint NOT NULL,
	"lessons_left" smallint NOT NULL,
	"price_fen" bigint NOT NULL,
	"price_per_lesson_fen" bigint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"contract_version" text NOT NULL,
	"contract_hash" text NOT NULL,
	"contract_accepted_at" timestamp with time zone NOT NULL,
	"custody_mode" text NOT NULL,
	"valid_until" date NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_orders_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_orders_code_uq" UNIQUE("district_id","code"),
	CONSTRAINT "training_orders_left_ck" CHECK ("training_orders"."lessons_left" >= 0 and "training_orders"."lessons_left" <= "training_orders"."lessons")
);
--> statement-breakpoint
CREATE TABLE "training_packages" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"lessons" smallint NOT NULL,
	"months" smallint NOT NULL,
	"price_fen" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_packages_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_packages_ck" CHECK ("training_packages"."lessons" > 0 and "training_packages"."months" > 0 and "training_packages"."price_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_profiles" (
	"district_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"legal_form" text NOT NULL,
	"license_issuer" text,
	"license_valid_until" date,
	"legal_person" text,
	"contact_phone" text,
	"custody_mode" text DEFAULT 'custody' NOT NULL,
	"custody_bank" text,
	"custody_account_no" text,
	"filing_status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_profiles_district_id_institution_id_pk" PRIMARY KEY("district_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "training_transfers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"institution_id" uuid,
	"order_id" uuid,
	"source_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_transfers_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_transfers_idempotency_uq" UNIQUE("district_id","idempotency_key"),
	CONSTRAINT "training_transfers_amount_ck" CHECK ("training_transfers"."amount_fen" > 0),
	CONSTRAINT "training_transfers_accounts_ck" CHECK ("training_transfers"."debit_account_id" <> "training_transfers"."credit_account_id")
);
--> statement-breakpoint
ALTER TABLE "training_accounts" ADD CONSTRAINT "training_accounts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_accounts" ADD CONSTRAINT "training_accounts_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_district_id_package_id_training_packages_district_id_id_fk" FOREIGN KEY ("district_id","package_id") REFERENCES "public"."training_packages"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_district_id_guardian_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","guardian_user_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_packages" ADD CONSTRAINT "training_packages_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_packages" ADD CONSTRAINT "training_packages_district_id_course_id_training_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."training_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_packages" ADD CONSTRAINT "training_packages_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_profiles" ADD CONSTRAINT "training_profiles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_profiles" ADD CONSTRAINT "training_profiles_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_transfers" ADD CONSTRAINT "training_transfers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_transfers" ADD CONSTRAINT "training_transfers_district_id_debit_account_id_training_accounts_district_id_id_fk" FOREIGN KEY ("district_id","debit_account_id") REFERENCES "public"."training_accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_transfers" ADD CONSTRAINT "training_transfers_district_id_credit_account_id_training_accounts_district_id_id_fk" FOREIGN KEY ("district_id","credit_account_id") REFERENCES "public"."training_accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_accounts_institution_idx" ON "training_accounts" USING btree ("district_id","institution_id","kind");--> statement-breakpoint
CREATE INDEX "training_courses_status_idx" ON "training_courses" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "training_orders_institution_idx" ON "training_orders" USING btree ("district_id","institution_id","status");--> statement-breakpoint
CREATE INDEX "training_orders_student_idx" ON "training_orders" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "training_packages_course_idx" ON "training_packages" USING btree ("district_id","course_id");--> statement-breakpoint
CREATE INDEX "training_profiles_zone_idx" ON "training_profiles" USING btree ("district_id","zone_id");--> statement-breakpoint
CREATE INDEX "training_transfers_institution_idx" ON "training_transfers" USING btree ("district_id","institution_id","created_at");--> statement-breakpoint
CREATE INDEX "training_transfers_order_idx" ON "training_transfers" USING btree ("district_id","order_id");