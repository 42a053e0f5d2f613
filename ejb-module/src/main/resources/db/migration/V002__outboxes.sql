-- Outboxes: SMS and mail rows written in the business transaction and drained by the server, the
-- gateway's message ids of sent SMS parts with their delivery receipts, and mobile-originated SMS.
-- Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- Texts are sealed with the secret box (AES-256-GCM, base64url): 1600 characters of text seal to
-- well under 12,000. state is QUEUED, SENDING, SENT, DELIVERED or FAILED; a SENDING row is claimed
-- by one drain (claim_token) until claim_until.
CREATE TABLE sms_outbox (
  id BIGINT PRIMARY KEY,
  recipient VARCHAR(16) NOT NULL,
  purpose VARCHAR(64) NOT NULL,
  sealed_text VARCHAR(12000) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claim_token VARCHAR(32),
  claim_until TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(500),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX sms_outbox_due ON sms_outbox (state, next_attempt_at);
CREATE INDEX sms_outbox_claim ON sms_outbox (state, claim_until);
CREATE INDEX sms_outbox_created ON sms_outbox (created_at);

-- One row per part of a sent SMS. A receipt that arrives before its send is recorded is kept with
-- no outbox_id (an orphan) until the send is recorded. Gateways may reuse message ids after a
-- restart, so message_id is not unique: the newest part wins.
CREATE TABLE sms_outbox_part (
  id BIGINT PRIMARY KEY,
  outbox_id BIGINT REFERENCES sms_outbox (id),
  part_index INTEGER NOT NULL,
  message_id VARCHAR(64) NOT NULL,
  receipt_state VARCHAR(16),
  receipt_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sms_outbox_part_message ON sms_outbox_part (message_id);
CREATE INDEX sms_outbox_part_outbox ON sms_outbox_part (outbox_id);

-- Subject, text, HTML and inline images sealed together; at most 720,000 bytes before sealing.
CREATE TABLE mail_outbox (
  id BIGINT PRIMARY KEY,
  recipient VARCHAR(254) NOT NULL,
  purpose VARCHAR(64) NOT NULL,
  sealed_content VARCHAR(1000000) NOT NULL,
  message_id VARCHAR(300),
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claim_token VARCHAR(32),
  claim_until TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(500),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_claim ON mail_outbox (state, claim_until);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);

-- Mobile-originated SMS, texts sealed; addresses as the gateway reported them.
CREATE TABLE inbound_sms (
  id BIGINT PRIMARY KEY,
  sender VARCHAR(21) NOT NULL,
  recipient VARCHAR(21),
  sealed_text VARCHAR(12000) NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inbound_sms_sender ON inbound_sms (sender, received_at);
CREATE INDEX inbound_sms_received ON inbound_sms (received_at);
