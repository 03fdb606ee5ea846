CREATE TABLE "after_school_bills" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"month" text NOT NULL,
	"fee_fen" bigint NOT NULL,
	"waiver_fen" bigint NOT NULL,
	"waiver_category" text,
	"refund_fen" bigint NOT NULL,
	"pass_through_fen" bigint NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"detail" jsonb NOT NULL,
	"policy_versions" text,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_by" uuid NOT NULL,
	CONSTRAINT "after_school_bills_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_bills_month_uq" UNIQUE("district_id","student_id","month"),
	CONSTRAINT "after_school_bills_month_ck" CHECK ("after_school_bills"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "after_school_bills_paid_ck" CHECK ("after_school_bills"."paid_fen" >= 0 and "after_school_bills"."paid_fen" <= "after_school_bills"."due_fen"),
	CONSTRAINT "after_school_bills_due_ck" CHECK ("after_school_bills"."due_fen" = "after_school_bills"."fee_fen" + "after_school_bills"."pass_through_fen" - "after_school_bills"."waiver_fen" - "after_school_bills"."refund_fen" and "after_school_bills"."due_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_charges" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reverses" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "after_school_charges_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_funds" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"month" text,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_funds_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_funds_amount_ck" CHECK ("after_school_funds"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "after_school_payment_imports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"recorded" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_payment_imports_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "after_school_payments" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid,
	"amount_fen" bigint NOT NULL,
	"applied_fen" bigint DEFAULT 0 NOT NULL,
	"paid_on" date NOT NULL,
	"payer" text,
	"remark" text,
	"reference" text,
	"source" text NOT NULL,
	"import_id" uuid,
	"row_number" integer,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"matched_by" uuid,
	"matched_at" timestamp with time zone,
	CONSTRAINT "after_school_payments_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_payments_reference_uq" UNIQUE("district_id","school_id","reference"),
	CONSTRAINT "after_school_payments_amount_ck" CHECK ("after_school_payments"."amount_fen" > 0 and "after_school_payments"."applied_fen" >= 0 and "after_school_payments"."applied_fen" <= "after_school_payments"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "after_school_settlements" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"settled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_settlements_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_settlements_version_uq" UNIQUE("district_id","school_id","semester_id","period","version")
);
--> statement-breakpoint
CREATE TABLE "after_school_waivers" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"semester_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "after_school_waivers_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_school_id_class_id_classes_district_id_school_id_id_fk" FOREIGN KEY ("district_id","school_id","class_id") REFERENCES "public"."classes"("district_id","school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_bills" ADD CONSTRAINT "after_school_bills_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_bill_id_after_school_bills_district_id_id_fk" FOREIGN KEY ("district_id","bill_id") REFERENCES "public"."after_school_bills"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_charges" ADD CONSTRAINT "after_school_charges_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_funds" ADD CONSTRAINT "after_school_funds_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_imports" ADD CONSTRAINT "after_school_payment_imports_district_id_imported_by_users_district_id_id_fk" FOREIGN KEY ("district_id","imported_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payments" ADD CONSTRAINT "after_school_payments_district_id_import_id_after_school_payment_imports_district_id_id_fk" FOREIGN KEY ("district_id","import_id") REFERENCES "public"."after_school_payment_imports"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_settlements" ADD CONSTRAINT "after_school_settlements_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_waivers" ADD CONSTRAINT "after_school_waivers_district_id_semester_id_semesters_district_id_id_fk" FOREIGN KEY ("district_id","semester_id") REFERENCES "public"."semesters"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_school_bills_school_idx" ON "after_school_bills" USING btree ("district_id","school_id","month");--> statement-breakpoint
CREATE INDEX "after_school_charges_bill_idx" ON "after_school_charges" USING btree ("district_id","bill_id");--> statement-breakpoint
CREATE INDEX "after_school_funds_school_idx" ON "after_school_funds" USING btree ("district_id","school_id","semester_id");--> statement-breakpoint
CREATE INDEX "after_school_payments_school_idx" ON "after_school_payments" USING btree ("district_id","school_id","paid_on");--> statement-breakpoint
CREATE INDEX "after_school_payments_student_idx" ON "after_school_payments" USING btree ("district_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "after_school_waivers_live_uq" ON "after_school_waivers" USING btree ("district_id","student_id","semester_id","category") WHERE "after_school_waivers"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "after_school_waivers_school_idx" ON "after_school_waivers" USING btree ("district_id","school_id","semester_id");