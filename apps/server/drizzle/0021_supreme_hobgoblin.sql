ALTER TABLE "training_institution_stats" ADD COLUMN "bank_closing_fen" bigint;--> statement-breakpoint
ALTER TABLE "training_institution_stats" ADD COLUMN "bank_ledger_fen" bigint;--> statement-breakpoint
ALTER TABLE "training_institution_stats" ADD COLUMN "bank_as_of" date;