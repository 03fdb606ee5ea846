-- Published timetables (晒课表) are records: a change is a new published version, never an edit.
CREATE OR REPLACE FUNCTION timetable_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'timetable_versions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER timetable_versions_no_change BEFORE UPDATE OR DELETE ON timetable_versions FOR EACH ROW EXECUTE FUNCTION timetable_versions_refuse_change();
