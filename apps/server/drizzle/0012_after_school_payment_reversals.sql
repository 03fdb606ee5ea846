CREATE TABLE "after_school_payment_allocations" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reversal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_payment_allocations_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_payment_allocations_amount_ck" CHECK ("after_school_payment_allocations"."amount_fen" <> 0 and ("after_school_payment_allocations"."amount_fen" > 0) = ("after_school_payment_allocations"."reversal_id" is null))
);
--> statement-breakpoint
CREATE TABLE "after_school_payment_reversals" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"student_id" uuid,
	"reason" text NOT NULL,
	"undone_fen" bigint NOT NULL,
	"resettle" jsonb NOT NULL,
	"reversed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_school_payment_reversals_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "after_school_payment_reversals_payment_uq" UNIQUE("district_id","payment_id"),
	CONSTRAINT "after_school_payment_reversals_reason_ck" CHECK (length(btrim("after_school_payment_reversals"."reason")) > 0),
	CONSTRAINT "after_school_payment_reversals_undone_ck" CHECK ("after_school_payment_reversals"."undone_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "after_school_payment_allocations" ADD CONSTRAINT "after_school_payment_allocations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_allocations" ADD CONSTRAINT "after_school_payment_allocations_district_id_payment_id_after_school_payments_district_id_id_fk" FOREIGN KEY ("district_id","payment_id") REFERENCES "public"."after_school_payments"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_allocations" ADD CONSTRAINT "after_school_payment_allocations_district_id_bill_id_after_school_bills_district_id_id_fk" FOREIGN KEY ("district_id","bill_id") REFERENCES "public"."after_school_bills"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_allocations" ADD CONSTRAINT "after_school_payment_allocations_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_allocations" ADD CONSTRAINT "after_school_payment_allocations_district_id_reversal_id_after_school_payment_reversals_district_id_id_fk" FOREIGN KEY ("district_id","reversal_id") REFERENCES "public"."after_school_payment_reversals"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_reversals" ADD CONSTRAINT "after_school_payment_reversals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_reversals" ADD CONSTRAINT "after_school_payment_reversals_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_reversals" ADD CONSTRAINT "after_school_payment_reversals_district_id_payment_id_after_school_payments_district_id_id_fk" FOREIGN KEY ("district_id","payment_id") REFERENCES "public"."after_school_payments"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_reversals" ADD CONSTRAINT "after_school_payment_reversals_district_id_student_id_students_district_id_id_fk" FOREIGN KEY ("district_id","student_id") REFERENCES "public"."students"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_school_payment_reversals" ADD CONSTRAINT "after_school_payment_reversals_district_id_reversed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","reversed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_school_payment_allocations_payment_idx" ON "after_school_payment_allocations" USING btree ("district_id","payment_id");--> statement-breakpoint
CREATE INDEX "after_school_payment_allocations_bill_idx" ON "after_school_payment_allocations" USING btree ("district_id","bill_id");
