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
	"review_note" text,
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
CREATE TABLE "training_materials" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subtype" text NOT NULL,
	"grades" text,
	"publisher" text,
	"author" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_materials_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_staff" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"subtype" text,
	"qualification" text,
	"certificate_no" text,
	"phone" text,
	"background_check" text DEFAULT 'pending' NOT NULL,
	"background_checked_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_staff_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_status_history" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"from_list" text NOT NULL,
	"to_list" text NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_status_history_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_venues" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"address" text NOT NULL,
	"area_sqm" integer NOT NULL,
	"capacity" integer NOT NULL,
	"fire_certificate_no" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_venues_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_venues_ck" CHECK ("training_venues"."area_sqm" > 0 and "training_venues"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_schedules" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"weekday" smallint,
	"date" date,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"venue_name" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_schedules_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_schedules_when_ck" CHECK (("training_schedules"."weekday" is null) <> ("training_schedules"."date" is null) and ("training_schedules"."weekday" is null or "training_schedules"."weekday" between 1 and 7)),
	CONSTRAINT "training_schedules_time_ck" CHECK ("training_schedules"."start_time" < "training_schedules"."end_time")
);
--> statement-breakpoint
CREATE TABLE "training_violations" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text,
	"subject_label" text NOT NULL,
	"rule" text NOT NULL,
	"message" text NOT NULL,
	"citation" jsonb NOT NULL,
	"occurred_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_violations_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_consumptions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"dispute_reason" text,
	"transfer_id" uuid,
	CONSTRAINT "training_consumptions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_consumptions_lesson_order_uq" UNIQUE("district_id","lesson_id","order_id"),
	CONSTRAINT "training_consumptions_amount_ck" CHECK ("training_consumptions"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_deposits" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text,
	"note" text,
	"transfer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_deposits_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_deposits_amount_ck" CHECK ("training_deposits"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_lessons" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"mode" text NOT NULL,
	"teacher_name" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_lessons_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_lessons_times_ck" CHECK ("training_lessons"."start_time" < "training_lessons"."end_time")
);
--> statement-breakpoint
CREATE TABLE "training_refunds" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"deadline" date NOT NULL,
	"policy_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" uuid,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_by_name" text,
	"pay_reference" text,
	"transfer_id" uuid,
	CONSTRAINT "training_refunds_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_refunds_order_uq" UNIQUE("district_id","order_id"),
	CONSTRAINT "training_refunds_amount_ck" CHECK ("training_refunds"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_statement_gaps" (
	"district_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"transfer_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"order_id" uuid,
	"order_code" text,
	"note" text,
	CONSTRAINT "training_statement_gaps_district_id_import_id_transfer_id_pk" PRIMARY KEY("district_id","import_id","transfer_id")
);
--> statement-breakpoint
CREATE TABLE "training_statement_imports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"bank" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"bank_in_fen" bigint NOT NULL,
	"bank_out_fen" bigint NOT NULL,
	"statement_closing_fen" bigint,
	"ledger_in_fen" bigint DEFAULT 0 NOT NULL,
	"ledger_out_fen" bigint DEFAULT 0 NOT NULL,
	"ledger_closing_fen" bigint DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"amount_differs" integer DEFAULT 0 NOT NULL,
	"unmatched_bank" integer DEFAULT 0 NOT NULL,
	"missing_bank" integer DEFAULT 0 NOT NULL,
	"runs" integer DEFAULT 0 NOT NULL,
	"imported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reconciled_by" uuid NOT NULL,
	"reconciled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_statement_imports_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_statement_imports_file_uq" UNIQUE("district_id","file_sha256"),
	CONSTRAINT "training_statement_imports_period_ck" CHECK ("training_statement_imports"."period_from" <= "training_statement_imports"."period_to")
);
--> statement-breakpoint
CREATE TABLE "training_statement_lines" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"booked_on" date NOT NULL,
	"direction" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"counterparty" text,
	"remark" text,
	"serial_no" text NOT NULL,
	"balance_fen" bigint,
	"order_code" text,
	"match_status" text NOT NULL,
	"transfer_id" uuid,
	"transfer_kind" text,
	"ledger_amount_fen" bigint,
	"note" text,
	CONSTRAINT "training_statement_lines_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_statement_lines_serial_uq" UNIQUE("district_id","import_id","serial_no"),
	CONSTRAINT "training_statement_lines_amount_ck" CHECK ("training_statement_lines"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_alert_notes" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_alert_notes_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_alerts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb NOT NULL,
	"assignee_id" uuid,
	"assigned_at" timestamp with time zone,
	"outcome" text,
	"outcome_note" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "training_alerts_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_institution_stats" (
	"district_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"custody_mode" text NOT NULL,
	"held_fen" bigint DEFAULT 0 NOT NULL,
	"owed_fen" bigint DEFAULT 0 NOT NULL,
	"released_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"deposit_fen" bigint DEFAULT 0 NOT NULL,
	"orders_active" integer DEFAULT 0 NOT NULL,
	"lessons_owed" integer DEFAULT 0 NOT NULL,
	"last_consumption_on" date,
	"owing_since" date,
	"refunds_in_window" integer DEFAULT 0 NOT NULL,
	"complaints_in_window" integer DEFAULT 0 NOT NULL,
	"complaints_open" integer DEFAULT 0 NOT NULL,
	"complaints_overdue" integer DEFAULT 0 NOT NULL,
	"orders_beyond_limits" integer DEFAULT 0 NOT NULL,
	"activity_while_suspended" integer DEFAULT 0 NOT NULL,
	"open_alerts" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_institution_stats_district_id_institution_id_pk" PRIMARY KEY("district_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "training_annual_reviews" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"result" text NOT NULL,
	"notes" text,
	"effect" jsonb NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_annual_reviews_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_annual_reviews_uq" UNIQUE("district_id","institution_id","year")
);
--> statement-breakpoint
CREATE TABLE "training_finding_events" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"deadline" date,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_finding_events_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_findings" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"zone_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" date NOT NULL,
	"citation" jsonb NOT NULL,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_findings_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_inspection_photos" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_inspection_photos_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_inspection_plans" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"title" text NOT NULL,
	"planned_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"inspector_ids" uuid[] NOT NULL,
	"inspectors" jsonb NOT NULL,
	"institutions" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_inspection_plans_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_inspection_visits" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"institution_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"zone_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"visit_date" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_inspection_visits_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_complaint_events" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_complaint_events_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_complaints" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"institution_id" uuid,
	"institution_name" text NOT NULL,
	"description" text NOT NULL,
	"reply_phone" text,
	"filed_by" uuid,
	"zone_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"handler_id" uuid,
	"received_on" date NOT NULL,
	"deadline" date NOT NULL,
	"answer_days" smallint NOT NULL,
	"policy_version" text,
	"answer" text,
	"answered_on" date,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_complaints_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "training_complaints_answer_ck" CHECK ("training_complaints"."status" not in ('answered', 'closed') or "training_complaints"."answer" is not null),
	CONSTRAINT "training_complaints_assigned_ck" CHECK ("training_complaints"."status" = 'received' or "training_complaints"."zone_id" is not null)
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
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_staff" ADD CONSTRAINT "training_staff_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_staff" ADD CONSTRAINT "training_staff_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_status_history" ADD CONSTRAINT "training_status_history_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_status_history" ADD CONSTRAINT "training_status_history_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_venues" ADD CONSTRAINT "training_venues_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_venues" ADD CONSTRAINT "training_venues_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_schedules" ADD CONSTRAINT "training_schedules_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_schedules" ADD CONSTRAINT "training_schedules_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_schedules" ADD CONSTRAINT "training_schedules_district_id_course_id_training_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."training_courses"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_violations" ADD CONSTRAINT "training_violations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_violations" ADD CONSTRAINT "training_violations_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_consumptions" ADD CONSTRAINT "training_consumptions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_consumptions" ADD CONSTRAINT "training_consumptions_district_id_lesson_id_training_lessons_district_id_id_fk" FOREIGN KEY ("district_id","lesson_id") REFERENCES "public"."training_lessons"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_consumptions" ADD CONSTRAINT "training_consumptions_district_id_order_id_training_orders_district_id_id_fk" FOREIGN KEY ("district_id","order_id") REFERENCES "public"."training_orders"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_consumptions" ADD CONSTRAINT "training_consumptions_district_id_transfer_id_training_transfers_district_id_id_fk" FOREIGN KEY ("district_id","transfer_id") REFERENCES "public"."training_transfers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_deposits" ADD CONSTRAINT "training_deposits_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_deposits" ADD CONSTRAINT "training_deposits_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_deposits" ADD CONSTRAINT "training_deposits_district_id_transfer_id_training_transfers_district_id_id_fk" FOREIGN KEY ("district_id","transfer_id") REFERENCES "public"."training_transfers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_district_id_course_id_training_courses_district_id_id_fk" FOREIGN KEY ("district_id","course_id") REFERENCES "public"."training_courses"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_refunds" ADD CONSTRAINT "training_refunds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_refunds" ADD CONSTRAINT "training_refunds_district_id_order_id_training_orders_district_id_id_fk" FOREIGN KEY ("district_id","order_id") REFERENCES "public"."training_orders"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_refunds" ADD CONSTRAINT "training_refunds_district_id_transfer_id_training_transfers_district_id_id_fk" FOREIGN KEY ("district_id","transfer_id") REFERENCES "public"."training_transfers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_gaps" ADD CONSTRAINT "training_statement_gaps_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_gaps" ADD CONSTRAINT "training_statement_gaps_district_id_import_id_training_statement_imports_district_id_id_fk" FOREIGN KEY ("district_id","import_id") REFERENCES "public"."training_statement_imports"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_gaps" ADD CONSTRAINT "training_statement_gaps_district_id_transfer_id_training_transfers_district_id_id_fk" FOREIGN KEY ("district_id","transfer_id") REFERENCES "public"."training_transfers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_imports" ADD CONSTRAINT "training_statement_imports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_imports" ADD CONSTRAINT "training_statement_imports_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_imports" ADD CONSTRAINT "training_statement_imports_district_id_imported_by_users_district_id_id_fk" FOREIGN KEY ("district_id","imported_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_imports" ADD CONSTRAINT "training_statement_imports_district_id_reconciled_by_users_district_id_id_fk" FOREIGN KEY ("district_id","reconciled_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_lines" ADD CONSTRAINT "training_statement_lines_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_lines" ADD CONSTRAINT "training_statement_lines_district_id_import_id_training_statement_imports_district_id_id_fk" FOREIGN KEY ("district_id","import_id") REFERENCES "public"."training_statement_imports"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_statement_lines" ADD CONSTRAINT "training_statement_lines_district_id_transfer_id_training_transfers_district_id_id_fk" FOREIGN KEY ("district_id","transfer_id") REFERENCES "public"."training_transfers"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_alert_notes" ADD CONSTRAINT "training_alert_notes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_alert_notes" ADD CONSTRAINT "training_alert_notes_district_id_alert_id_training_alerts_district_id_id_fk" FOREIGN KEY ("district_id","alert_id") REFERENCES "public"."training_alerts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_alerts" ADD CONSTRAINT "training_alerts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_alerts" ADD CONSTRAINT "training_alerts_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_alerts" ADD CONSTRAINT "training_alerts_district_id_assignee_id_users_district_id_id_fk" FOREIGN KEY ("district_id","assignee_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institution_stats" ADD CONSTRAINT "training_institution_stats_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institution_stats" ADD CONSTRAINT "training_institution_stats_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_annual_reviews" ADD CONSTRAINT "training_annual_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_annual_reviews" ADD CONSTRAINT "training_annual_reviews_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_finding_events" ADD CONSTRAINT "training_finding_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_finding_events" ADD CONSTRAINT "training_finding_events_district_id_finding_id_training_findings_district_id_id_fk" FOREIGN KEY ("district_id","finding_id") REFERENCES "public"."training_findings"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_findings" ADD CONSTRAINT "training_findings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_findings" ADD CONSTRAINT "training_findings_district_id_visit_id_training_inspection_visits_district_id_id_fk" FOREIGN KEY ("district_id","visit_id") REFERENCES "public"."training_inspection_visits"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_findings" ADD CONSTRAINT "training_findings_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_photos" ADD CONSTRAINT "training_inspection_photos_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_plans" ADD CONSTRAINT "training_inspection_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_plans" ADD CONSTRAINT "training_inspection_plans_district_id_zone_id_zones_district_id_id_fk" FOREIGN KEY ("district_id","zone_id") REFERENCES "public"."zones"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_visits" ADD CONSTRAINT "training_inspection_visits_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_visits" ADD CONSTRAINT "training_inspection_visits_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_inspection_visits" ADD CONSTRAINT "training_inspection_visits_district_id_plan_id_training_inspection_plans_district_id_id_fk" FOREIGN KEY ("district_id","plan_id") REFERENCES "public"."training_inspection_plans"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaint_events" ADD CONSTRAINT "training_complaint_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaint_events" ADD CONSTRAINT "training_complaint_events_district_id_complaint_id_training_complaints_district_id_id_fk" FOREIGN KEY ("district_id","complaint_id") REFERENCES "public"."training_complaints"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaints" ADD CONSTRAINT "training_complaints_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaints" ADD CONSTRAINT "training_complaints_district_id_institution_id_institutions_district_id_id_fk" FOREIGN KEY ("district_id","institution_id") REFERENCES "public"."institutions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaints" ADD CONSTRAINT "training_complaints_district_id_zone_id_zones_district_id_id_fk" FOREIGN KEY ("district_id","zone_id") REFERENCES "public"."zones"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaints" ADD CONSTRAINT "training_complaints_district_id_filed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","filed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_complaints" ADD CONSTRAINT "training_complaints_district_id_handler_id_users_district_id_id_fk" FOREIGN KEY ("district_id","handler_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_accounts_institution_idx" ON "training_accounts" USING btree ("district_id","institution_id","kind");--> statement-breakpoint
CREATE INDEX "training_courses_status_idx" ON "training_courses" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "training_orders_institution_idx" ON "training_orders" USING btree ("district_id","institution_id","status");--> statement-breakpoint
CREATE INDEX "training_orders_student_idx" ON "training_orders" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE INDEX "training_packages_course_idx" ON "training_packages" USING btree ("district_id","course_id");--> statement-breakpoint
CREATE INDEX "training_profiles_zone_idx" ON "training_profiles" USING btree ("district_id","zone_id");--> statement-breakpoint
CREATE INDEX "training_transfers_institution_idx" ON "training_transfers" USING btree ("district_id","institution_id","created_at");--> statement-breakpoint
CREATE INDEX "training_transfers_order_idx" ON "training_transfers" USING btree ("district_id","order_id");--> statement-breakpoint
CREATE INDEX "training_materials_institution_idx" ON "training_materials" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_materials_status_idx" ON "training_materials" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "training_staff_institution_idx" ON "training_staff" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_status_history_institution_idx" ON "training_status_history" USING btree ("district_id","institution_id","at");--> statement-breakpoint
CREATE INDEX "training_venues_institution_idx" ON "training_venues" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_schedules_course_idx" ON "training_schedules" USING btree ("district_id","course_id");--> statement-breakpoint
CREATE INDEX "training_schedules_institution_idx" ON "training_schedules" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_violations_institution_idx" ON "training_violations" USING btree ("district_id","institution_id","occurred_on");--> statement-breakpoint
CREATE INDEX "training_violations_status_idx" ON "training_violations" USING btree ("district_id","status","occurred_on");--> statement-breakpoint
CREATE INDEX "training_consumptions_order_idx" ON "training_consumptions" USING btree ("district_id","order_id");--> statement-breakpoint
CREATE INDEX "training_consumptions_pending_idx" ON "training_consumptions" USING btree ("district_id","status","created_at");--> statement-breakpoint
CREATE INDEX "training_deposits_institution_idx" ON "training_deposits" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_lessons_institution_idx" ON "training_lessons" USING btree ("district_id","institution_id","date");--> statement-breakpoint
CREATE INDEX "training_refunds_institution_idx" ON "training_refunds" USING btree ("district_id","institution_id","status");--> statement-breakpoint
CREATE INDEX "training_statement_imports_institution_idx" ON "training_statement_imports" USING btree ("district_id","institution_id","period_to");--> statement-breakpoint
CREATE INDEX "training_statement_lines_import_idx" ON "training_statement_lines" USING btree ("district_id","import_id","match_status");--> statement-breakpoint
CREATE INDEX "training_alert_notes_alert_idx" ON "training_alert_notes" USING btree ("district_id","alert_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_alerts_open_uq" ON "training_alerts" USING btree ("district_id","institution_id","kind") WHERE "training_alerts"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "training_alerts_status_idx" ON "training_alerts" USING btree ("district_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "training_institution_stats_zone_idx" ON "training_institution_stats" USING btree ("district_id","zone_id");--> statement-breakpoint
CREATE INDEX "training_finding_events_finding_idx" ON "training_finding_events" USING btree ("district_id","finding_id","at");--> statement-breakpoint
CREATE INDEX "training_findings_institution_idx" ON "training_findings" USING btree ("district_id","institution_id","status");--> statement-breakpoint
CREATE INDEX "training_findings_open_idx" ON "training_findings" USING btree ("district_id","status","deadline");--> statement-breakpoint
CREATE INDEX "training_inspection_plans_date_idx" ON "training_inspection_plans" USING btree ("district_id","planned_date");--> statement-breakpoint
CREATE INDEX "training_inspection_visits_institution_idx" ON "training_inspection_visits" USING btree ("district_id","institution_id","visit_date");--> statement-breakpoint
CREATE INDEX "training_inspection_visits_plan_idx" ON "training_inspection_visits" USING btree ("district_id","plan_id");--> statement-breakpoint
CREATE INDEX "training_complaint_events_ticket_idx" ON "training_complaint_events" USING btree ("district_id","complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_complaints_code_uq" ON "training_complaints" USING btree ("code");--> statement-breakpoint
CREATE INDEX "training_complaints_status_idx" ON "training_complaints" USING btree ("district_id","status","deadline");--> statement-breakpoint
CREATE INDEX "training_complaints_zone_idx" ON "training_complaints" USING btree ("district_id","zone_id");--> statement-breakpoint
CREATE INDEX "training_complaints_institution_idx" ON "training_complaints" USING btree ("district_id","institution_id");--> statement-breakpoint
CREATE INDEX "training_complaints_filed_by_idx" ON "training_complaints" USING btree ("district_id","filed_by");