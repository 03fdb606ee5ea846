CREATE TABLE "indicator_rollups" (
	"district_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid,
	"num" bigint DEFAULT 0 NOT NULL,
	"den" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_rollups_district_id_indicator_period_scope_id_pk" PRIMARY KEY("district_id","indicator","period","scope_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_rollups" ADD CONSTRAINT "indicator_rollups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_rollups_school_idx" ON "indicator_rollups" USING btree ("district_id","school_id","period");