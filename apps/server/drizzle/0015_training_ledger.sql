-- The custody ledger's transfers are append-only: a mistake is corrected by a new transfer the other way, never by
-- changing or deleting one. (Account totals change only together with an appended transfer, in one transaction.)
CREATE OR REPLACE FUNCTION training_transfers_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER training_transfers_no_change BEFORE UPDATE OR DELETE ON training_transfers FOR EACH ROW EXECUTE FUNCTION training_transfers_refuse_change();
--> statement-breakpoint
CREATE TRIGGER training_transfers_no_truncate BEFORE TRUNCATE ON training_transfers FOR EACH STATEMENT EXECUTE FUNCTION training_transfers_refuse_change();

--> statement-breakpoint
-- One ledger account per (district, kind, institution, order): clearing accounts have neither, an institution's
-- released/deposit account no order, an order account both. NULLS NOT DISTINCT lets accounts be created on demand
-- with INSERT … ON CONFLICT DO NOTHING (two requests creating the same account at once get the same row).
CREATE UNIQUE INDEX "training_accounts_owner_uq" ON "training_accounts" USING btree ("district_id", "kind", "institution_id", "order_id") NULLS NOT DISTINCT;
