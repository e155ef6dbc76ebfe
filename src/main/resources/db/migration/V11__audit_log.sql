-- The audit log: who did what to which object, and when. A row is written in the same transaction as the action it
-- records (org.raporto.audit.AuditLog), so an entry exists exactly when the action committed.
--
-- Each row is chained to the one before: hash = SHA-256 over a canonical encoding of the row (seq, id, at, actor,
-- action, object, details, address_hash) and previous_hash; the first row's previous_hash is 32 zero bytes. seq has
-- no gaps: writers take pg_advisory_xact_lock on one constant, read the last row and add one. Verification walks
-- the chain in seq order and reports the first row that was changed, removed or re-linked.
--
-- details is small and never holds report content, a password, a one-time code, a token, or the e-mail typed at a
-- failed sign-in (callers pass its keyed hash instead). address_hash is likewise a keyed hash, never an address.
CREATE TABLE audit_entry (
    seq           bigint PRIMARY KEY CHECK (seq > 0),
    id            uuid        NOT NULL UNIQUE,
    at            timestamptz NOT NULL,
    -- The staff account; NULL for the system itself or someone who is not (or not yet) known. Accounts are never
    -- deleted, and the name is kept as it was, so an entry still says who it was after the account is disabled.
    actor_id      uuid,
    actor_name    text        NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
    -- The name of an org.raporto.audit.AuditAction constant.
    action        text        NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]*$' AND length(action) <= 64),
    object_type   text CHECK (length(object_type) BETWEEN 1 AND 64),
    object_id     text CHECK (length(object_id) BETWEEN 1 AND 200),
    -- A flat object of strings.
    details       jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object'),
    address_hash  bytea CHECK (length(address_hash) BETWEEN 16 AND 64),
    previous_hash bytea       NOT NULL CHECK (length(previous_hash) = 32),
    hash          bytea       NOT NULL CHECK (length(hash) = 32),
    CHECK (object_id IS NULL OR object_type IS NOT NULL)
);

-- The admin page lists newest first, filtered by one of these, and pages with "seq < the last one shown".
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, seq) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_entry_action ON audit_entry (action, seq);
CREATE INDEX audit_entry_object ON audit_entry (object_type, object_id, seq) WHERE object_type IS NOT NULL;
CREATE INDEX audit_entry_at ON audit_entry (at);

-- Append-only in the database too, not only in the application: any UPDATE, DELETE or TRUNCATE is refused, even one
-- that would touch no row. That stops mistakes. It does not stop the table's owner or a superuser, who can
-- ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only (or set session_replication_role = replica) and then
-- change or delete rows: that is the realistic threat, someone with DBA rights, and against it the hash chain is the
-- defence, for what they change shows up as a broken link when the chain is verified. Removing rows from the end
-- leaves no broken link, nor does computing every hash anew after a changed row: against those, verification compares
-- the chain with a head (seq and hash) noted outside the database. By default the application's role owns this table
-- (Flyway creates it with that role), so whoever can run SQL as the application can also switch the trigger off; in
-- production, let another role own the schema and grant the application's role only SELECT and INSERT here.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Audit entries are never changed or removed; verification would report the broken chain.';
END
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
