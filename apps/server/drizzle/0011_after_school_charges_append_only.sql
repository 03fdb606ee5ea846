-- The ledger of after-school charges is append-only: a bill is corrected by reversal entries, never by changing one.
CREATE OR REPLACE FUNCTION after_school_charges_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'after_school_charges is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER after_school_charges_no_change BEFORE UPDATE OR DELETE ON after_school_charges FOR EACH ROW EXECUTE FUNCTION after_school_charges_refuse_change();
--> statement-breakpoint
CREATE TRIGGER after_school_charges_no_truncate BEFORE TRUNCATE ON after_school_charges FOR EACH STATEMENT EXECUTE FUNCTION after_school_charges_refuse_change();
