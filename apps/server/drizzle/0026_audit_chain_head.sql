ALTER TABLE "audit_chain_status" ADD COLUMN "head_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_chain_status" ADD COLUMN "head_hash" text;