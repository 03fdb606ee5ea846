-- Minors' personal data sealed at rest (platform/crypto.ts). The flags and note of student_sensitive move into one
-- `data` column (JSON, sealed), with `special` (any flag) kept for set-based counts; guardians' phones get a blind
-- index column that look-ups and the unique constraint use. SQL cannot seal (the key is the server's): this migration
-- leaves the moved values in plaintext, and the server seals every plaintext value of the modules' sealed columns at
-- start before it serves (resealAll 'plaintext' in main.ts; a no-op once every row is sealed).
ALTER TABLE "student_sensitive" ADD COLUMN "special" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "student_sensitive" ADD COLUMN "data" text;--> statement-breakpoint
UPDATE "student_sensitive" SET
  "special" = "left_behind" OR "single_parent" OR "hardship" OR "disability" OR "learning_difficulty",
  "data" = json_build_object('leftBehind', "left_behind", 'singleParent', "single_parent", 'hardship', "hardship",
    'disability', "disability", 'learningDifficulty', "learning_difficulty", 'note', "note")::text;--> statement-breakpoint
ALTER TABLE "student_sensitive" ALTER COLUMN "data" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "left_behind";--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "single_parent";--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "hardship";--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "disability";--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "learning_difficulty";--> statement-breakpoint
ALTER TABLE "student_sensitive" DROP COLUMN "note";--> statement-breakpoint
ALTER TABLE "guardians" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "guardians" DROP CONSTRAINT "guardians_phone_uq";--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_phone_uq" UNIQUE("district_id","phone_hash");
