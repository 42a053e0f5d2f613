-- Indexes for the console's paged tables, counts and dashboard (SPEC §3.10). Already there from
-- V001/V002: audit_record (occurred_at), customer (msisdn), and the outboxes' (state, ...) indexes
-- that also serve a count by state. Each index here costs a little on every insert into its table;
-- audit_record gets three because it is the table staff filter most and the dashboard reads it
-- every refresh. Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- The newest records of one action or one actor, a page at a time (ORDER BY id DESC).
CREATE INDEX audit_record_action ON audit_record (action, id);
CREATE INDEX audit_record_actor ON audit_record (actor, id);

-- The dashboard's verifications of the last hour: a few actions within a time range, without
-- reading the far more numerous token accesses of the same hour.
CREATE INDEX audit_record_action_time ON audit_record (action, occurred_at);

-- One state of an outbox, newest first.
CREATE INDEX sms_outbox_state_created ON sms_outbox (state, created_at);
CREATE INDEX mail_outbox_state_created ON mail_outbox (state, created_at);

-- Factors locked now: hard locks (few among many rows) or timed locks not yet over.
CREATE INDEX factor_lock_hard ON factor_lock (hard_locked);
CREATE INDEX factor_lock_until ON factor_lock (locked_until);
