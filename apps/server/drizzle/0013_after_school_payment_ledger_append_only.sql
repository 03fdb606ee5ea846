-- Reversals (冲正) and the ledger of what each payment put on each bill are append-only: a mistake is corrected by a
-- reversal and its negative lines, never by changing or deleting a row.
CREATE OR REPLACE FUNCTION after_school_payment_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER after_school_payment_reversals_no_change BEFORE UPDATE OR DELETE ON after_school_payment_reversals FOR EACH ROW EXECUTE FUNCTION after_school_payment_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER after_school_payment_reversals_no_truncate BEFORE TRUNCATE ON after_school_payment_reversals FOR EACH STATEMENT EXECUTE FUNCTION after_school_payment_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER after_school_payment_allocations_no_change BEFORE UPDATE OR DELETE ON after_school_payment_allocations FOR EACH ROW EXECUTE FUNCTION after_school_payment_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER after_school_payment_allocations_no_truncate BEFORE TRUNCATE ON after_school_payment_allocations FOR EACH STATEMENT EXECUTE FUNCTION after_school_payment_ledger_refuse_change();
