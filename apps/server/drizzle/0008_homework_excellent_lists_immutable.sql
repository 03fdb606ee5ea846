-- 寒暑假作业优秀学生名单 are published records: never changed or removed once out.
CREATE OR REPLACE FUNCTION homework_excellent_lists_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'homework_excellent_lists is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER homework_excellent_lists_no_change BEFORE UPDATE OR DELETE ON homework_excellent_lists FOR EACH ROW EXECUTE FUNCTION homework_excellent_lists_refuse_change();
