-- Foundation: relying systems, customers, lockout, PIN pad sessions, staff and the audit log.
-- Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- EclipseLink preallocates 50 ids per call and expects the first value to be at least 50.
CREATE SEQUENCE portcullis_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE relying_system (
  id BIGINT PRIMARY KEY,
  system_id VARCHAR(8) NOT NULL,
  name VARCHAR(200) NOT NULL,
  roles VARCHAR(200) NOT NULL,
  secret_hash VARCHAR(200) NOT NULL,
  enabled BOOLEAN NOT NULL,
  pinpad_algorithm VARCHAR(16) NOT NULL,
  pinpad_layout VARCHAR(16) NOT NULL,
  pinpad_shuffle BOOLEAN NOT NULL,
  pinpad_text_mode BOOLEAN NOT NULL,
  pinpad_ttl_seconds BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT relying_system_system_id UNIQUE (system_id)
);

CREATE TABLE customer (
  id BIGINT PRIMARY KEY,
  account VARCHAR(64) NOT NULL,
  msisdn VARCHAR(16) NOT NULL,
  email VARCHAR(254),
  pin_hash VARCHAR(300),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT customer_account UNIQUE (account)
);
CREATE INDEX customer_msisdn ON customer (msisdn);

CREATE TABLE factor_lock (
  id BIGINT PRIMARY KEY,
  customer_id BIGINT NOT NULL REFERENCES customer (id),
  factor VARCHAR(16) NOT NULL,
  failures INTEGER NOT NULL,
  locks INTEGER NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE,
  hard_locked BOOLEAN NOT NULL,
  CONSTRAINT factor_lock_customer_factor UNIQUE (customer_id, factor)
);

CREATE TABLE pinpad_session (
  id BIGINT PRIMARY KEY,
  session_key VARCHAR(64) NOT NULL,
  system_ref BIGINT NOT NULL REFERENCES relying_system (id),
  customer_ref BIGINT REFERENCES customer (id),
  sealed_pad VARCHAR(400) NOT NULL,
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pinpad_session_key UNIQUE (session_key)
);
CREATE INDEX pinpad_session_expires ON pinpad_session (expires_at);

CREATE TABLE staff_member (
  id BIGINT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  roles VARCHAR(100) NOT NULL,
  enabled BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT staff_member_username UNIQUE (username)
);

-- Rows are inserted unchained by the requests that audit (no request waits on another); the
-- chainer links them in batches: chain_index, prev_hash and hash are set exactly once.
CREATE TABLE audit_record (
  id BIGINT PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(64) NOT NULL,
  subject VARCHAR(200),
  outcome VARCHAR(32) NOT NULL,
  detail VARCHAR(1000),
  chain_index BIGINT,
  prev_hash VARCHAR(64),
  hash VARCHAR(64),
  CONSTRAINT audit_record_chain_index UNIQUE (chain_index)
);
CREATE INDEX audit_record_occurred ON audit_record (occurred_at);

CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY,
  last_index BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_index, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
