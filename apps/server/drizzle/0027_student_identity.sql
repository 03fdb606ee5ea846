ALTER TABLE "students" ADD COLUMN "id_number" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "id_number_hash" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_id_number_uq" UNIQUE("district_id","id_number_hash");