-- Published homework lists are records (档案留存): a correction is a new version, never an edit.
CREATE OR REPLACE FUNCTION homework_published_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'homework_published is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER homework_published_no_change BEFORE UPDATE OR DELETE ON homework_published FOR EACH ROW EXECUTE FUNCTION homework_published_refuse_change();
