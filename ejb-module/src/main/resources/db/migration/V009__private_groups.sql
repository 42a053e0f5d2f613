-- Temporary private groups; see docs/private-groups.md.
-- Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- One group. Its code is kept only as an Argon2id hash (random salt, the keystore's pepper);
-- kdf_salt is the public salt members' apps derive the content key with. When the group closes,
-- name, code_hash and kdf_salt are erased and only these metadata stay: who opened it, when, how
-- it closed, and the counts. expires_at and notice_at are the deadlines the timer sweeps (notice_at
-- is null once the notice for the current expiry went out); window_* count the entries of the
-- current access window.
CREATE TABLE private_group (
  id BIGINT PRIMARY KEY,
  group_id VARCHAR(32) NOT NULL,
  name VARCHAR(100),
  creator_ref BIGINT NOT NULL REFERENCES customer (id),
  code_hash VARCHAR(200),
  kdf_salt VARCHAR(32),
  rebroadcast BOOLEAN NOT NULL,
  notice_seconds BIGINT NOT NULL,
  allowance_count INTEGER,
  allowance_per_seconds BIGINT,
  window_index BIGINT NOT NULL,
  window_used INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  wrong_codes INTEGER NOT NULL,
  joins_locked BOOLEAN NOT NULL,
  next_seq BIGINT NOT NULL,
  messages INTEGER NOT NULL,
  files INTEGER NOT NULL,
  extensions INTEGER NOT NULL,
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  notice_at TIMESTAMP WITH TIME ZONE,
  closed_at TIMESTAMP WITH TIME ZONE,
  closed_by VARCHAR(100),
  close_reason VARCHAR(16),
  files_purged BOOLEAN NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT private_group_group_id UNIQUE (group_id)
);
CREATE INDEX private_group_expires ON private_group (state, expires_at);
CREATE INDEX private_group_notice ON private_group (state, notice_at);
CREATE INDEX private_group_purge ON private_group (files_purged, state);
CREATE INDEX private_group_creator ON private_group (creator_ref);
CREATE INDEX private_group_created ON private_group (created_at);

-- A member: one terminal of one customer, until the group closes or the member leaves.
-- member_id is what the other members see.
CREATE TABLE group_member (
  id BIGINT PRIMARY KEY,
  group_ref BIGINT NOT NULL REFERENCES private_group (id),
  member_id VARCHAR(16) NOT NULL,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  terminal_id VARCHAR(128) NOT NULL,
  creator BOOLEAN NOT NULL,
  joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT group_member_terminal UNIQUE (group_ref, terminal_id),
  CONSTRAINT group_member_member_id UNIQUE (group_ref, member_id)
);
CREATE INDEX group_member_customer ON group_member (customer_ref);

-- The group's stream, in seq order: messages (opaque base64 ciphertext), files (kept on disk under
-- the data directory by entry_id), and what the server says (joins, departures, notices,
-- extensions). Deleted, every row, when the group closes.
CREATE TABLE group_entry (
  id BIGINT PRIMARY KEY,
  group_ref BIGINT NOT NULL REFERENCES private_group (id),
  seq BIGINT NOT NULL,
  entry_id VARCHAR(32) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  member_id VARCHAR(16),
  ciphertext VARCHAR(90000),
  file_size BIGINT,
  forward_group_id VARCHAR(32),
  forward_entry_id VARCHAR(32),
  until_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT group_entry_seq UNIQUE (group_ref, seq),
  CONSTRAINT group_entry_entry_id UNIQUE (entry_id)
);

-- A join's single-use challenge. group_id is the id the terminal asked for, which may name no
-- group at all: an unknown group is answered exactly like a known one.
CREATE TABLE group_join_challenge (
  id BIGINT PRIMARY KEY,
  challenge_id VARCHAR(32) NOT NULL,
  group_id VARCHAR(32) NOT NULL,
  terminal_id VARCHAR(128) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT group_join_challenge_id UNIQUE (challenge_id)
);
CREATE INDEX group_join_challenge_expires ON group_join_challenge (expires_at);

-- Wrong codes per terminal and group: at the limit the terminal is locked out of the group.
CREATE TABLE group_join_failure (
  id BIGINT PRIMARY KEY,
  group_ref BIGINT NOT NULL REFERENCES private_group (id),
  terminal_id VARCHAR(128) NOT NULL,
  failures INTEGER NOT NULL,
  CONSTRAINT group_join_failure_terminal UNIQUE (group_ref, terminal_id)
);

-- Single-use tickets that open a member's WebSocket; only an HMAC of the ticket is stored.
CREATE TABLE group_live_ticket (
  id BIGINT PRIMARY KEY,
  ticket_hash VARCHAR(100) NOT NULL,
  group_ref BIGINT NOT NULL REFERENCES private_group (id),
  member_ref BIGINT NOT NULL REFERENCES group_member (id),
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT group_live_ticket_hash UNIQUE (ticket_hash)
);
CREATE INDEX group_live_ticket_expires ON group_live_ticket (expires_at);

-- Single-use extension links mailed with a group's notice; the link carries link_id and an HMAC
-- of it under the keystore's pepper, so the database alone cannot make one.
CREATE TABLE group_extension_link (
  id BIGINT PRIMARY KEY,
  link_id VARCHAR(32) NOT NULL,
  group_ref BIGINT NOT NULL REFERENCES private_group (id),
  recipient VARCHAR(120) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT group_extension_link_id UNIQUE (link_id)
);
CREATE INDEX group_extension_link_group ON group_extension_link (group_ref);

-- Mails whose body must not outlive their sending (a group's invitation carries its code): once
-- the mail server has accepted such a mail, the outbox erases its sealed content.
ALTER TABLE mail_outbox ADD COLUMN erase_when_sent BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE mail_outbox ALTER COLUMN sealed_content DROP NOT NULL;
