CREATE TABLE "audit_chain_status" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"rows_checked" integer NOT NULL,
	"faults" integer NOT NULL,
	"first_bad_seq" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_log_archive" (
	"district_id" uuid NOT NULL,
	"id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_roles" text[] NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"request_id" text,
	"seq" bigint,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "audit_log_archive_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "audit_log_archive_seq_idx" ON "audit_log_archive" USING btree ("district_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_archive_at_idx" ON "audit_log_archive" USING btree ("district_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("district_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_unchained_idx" ON "audit_log" USING btree ("district_id","id") WHERE hash is null;--> statement-breakpoint
-- The audit log stays append-only, and gains a hash chain: a row is written unchained, the chaining step sets its
-- seq, prev_hash and hash once (nothing else), and from then on it never changes. A chained row leaves the live table
-- only once its identical copy is in the archive.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.hash IS NOT NULL AND EXISTS (
      SELECT 1 FROM audit_log_archive a WHERE a.district_id = OLD.district_id AND a.id = OLD.id AND to_jsonb(a) = to_jsonb(OLD)
    ) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_archive_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log_archive is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_archive_no_update BEFORE UPDATE OR DELETE ON audit_log_archive FOR EACH ROW EXECUTE FUNCTION audit_log_archive_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_archive_no_truncate BEFORE TRUNCATE ON audit_log_archive FOR EACH STATEMENT EXECUTE FUNCTION audit_log_archive_refuse_change();
--> statement-breakpoint
-- The chaining step's one write, run as the owner (the serving role may not UPDATE the log): it sets the chain columns
-- of rows not yet chained and nothing else; the trigger above checks the same.
CREATE OR REPLACE FUNCTION audit_log_set_chain(p_district uuid, p_ids bigint[], p_seqs bigint[], p_prev text[], p_hashes text[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH chained AS (
    UPDATE audit_log l SET seq = u.seq, prev_hash = u.prev, hash = u.hash
    FROM unnest(p_ids, p_seqs, p_prev, p_hashes) AS u(id, seq, prev, hash)
    WHERE l.district_id = p_district AND l.id = u.id AND l.hash IS NULL
    RETURNING 1
  )
  SELECT count(*)::integer FROM chained;
$$;
--> statement-breakpoint
-- Retention: up to p_limit chained rows older than p_cutoff move to the archive (copied, then removed; the trigger lets
-- a row go only when its copy is there). Never rows younger than 180 days, whatever the caller asks.
CREATE OR REPLACE FUNCTION audit_log_archive_before(p_district uuid, p_cutoff timestamptz, p_limit integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  batch bigint[];
  moved integer;
BEGIN
  IF p_cutoff > now() - interval '180 days' THEN
    RAISE EXCEPTION 'audit rows are kept at least 180 days: cutoff % refused', p_cutoff USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT array_agg(id) INTO batch FROM (
    SELECT id FROM audit_log WHERE district_id = p_district AND at < p_cutoff AND hash IS NOT NULL ORDER BY id LIMIT p_limit
  ) s;
  IF batch IS NULL THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_log_archive (district_id, id, at, actor_id, actor_name, actor_roles, action, entity, entity_id, before, after, ip, request_id, seq, prev_hash, hash)
    SELECT l.district_id, l.id, l.at, l.actor_id, l.actor_name, l.actor_roles, l.action, l.entity, l.entity_id, l.before, l.after, l.ip, l.request_id, l.seq, l.prev_hash, l.hash
    FROM audit_log l WHERE l.district_id = p_district AND l.id = ANY (batch);
  GET DIAGNOSTICS moved = ROW_COUNT;
  DELETE FROM audit_log WHERE district_id = p_district AND id = ANY (batch);
  RETURN moved;
END;
$$;
