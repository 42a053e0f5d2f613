-- Secure messages to handsets: a sender's message is stored only as a JWE (docs/secure-messages.md):
-- one encrypted body per message, one wrapped content key per handset, and the server's own
-- wrapped key until the first handset acknowledges the message. Subjects and bodies are never
-- stored in clear. Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here; one column
-- per ALTER statement, DEFAULT before NOT NULL.

-- A sender's policy: the longest retention it may ask for, and where replies are pushed.
-- webhook_secret is sealed with the secret box (it signs every push, so it must be readable).
ALTER TABLE relying_system ADD COLUMN message_max_retention_seconds BIGINT DEFAULT 604800 NOT NULL;
ALTER TABLE relying_system ADD COLUMN webhook_url VARCHAR(2000);
ALTER TABLE relying_system ADD COLUMN webhook_secret VARCHAR(500);

-- One message. customer_ref is null when the MSISDN was no single customer's at submission: such
-- a message stores no content and can never be delivered. The body columns and the server's entry
-- are erased when the message expires or every copy is deleted; the server's entry also when the
-- message is delivered. The row itself (metadata only) is deleted some time after that.
CREATE TABLE secure_message (
  id BIGINT PRIMARY KEY,
  message_id VARCHAR(32) NOT NULL,
  sender_ref BIGINT NOT NULL REFERENCES relying_system (id),
  msisdn VARCHAR(16) NOT NULL,
  customer_ref BIGINT REFERENCES customer (id),
  state VARCHAR(24) NOT NULL,
  submitted_state VARCHAR(24) NOT NULL,
  idempotency_key VARCHAR(255),
  protected_header VARCHAR(400),
  iv VARCHAR(32),
  ciphertext VARCHAR(1000000),
  tag VARCHAR(32),
  server_header VARCHAR(200),
  server_key VARCHAR(100),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at TIMESTAMP WITH TIME ZONE,
  closed_at TIMESTAMP WITH TIME ZONE,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT secure_message_message_id UNIQUE (message_id),
  CONSTRAINT secure_message_idempotency UNIQUE (sender_ref, idempotency_key)
);
CREATE INDEX secure_message_customer ON secure_message (customer_ref, created_at);
CREATE INDEX secure_message_state_expires ON secure_message (state, expires_at);
CREATE INDEX secure_message_state_created ON secure_message (state, created_at);
CREATE INDEX secure_message_sender_created ON secure_message (sender_ref, created_at);

-- A message's copy on one handset: the per-recipient JWE header and the content key wrapped for
-- the handset's key as it was when key_uploaded_at says. Both are erased when the copy is deleted.
-- An RSA key of 16384 bits wraps to 2,731 base64url characters.
CREATE TABLE secure_message_copy (
  id BIGINT PRIMARY KEY,
  message_ref BIGINT NOT NULL REFERENCES secure_message (id),
  handset_id VARCHAR(32) NOT NULL,
  device_type VARCHAR(32) NOT NULL,
  state VARCHAR(16) NOT NULL,
  recipient_header VARCHAR(1000),
  encrypted_key VARCHAR(3000),
  key_uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at TIMESTAMP WITH TIME ZONE,
  deleted_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT secure_message_copy_handset UNIQUE (message_ref, handset_id)
);
CREATE INDEX secure_message_copy_inbox ON secure_message_copy (handset_id, state);

-- A handset's reply to a message, sealed with the secret box; deleted with the message's content.
CREATE TABLE secure_message_reply (
  id BIGINT PRIMARY KEY,
  reply_id VARCHAR(32) NOT NULL,
  message_ref BIGINT NOT NULL REFERENCES secure_message (id),
  handset_id VARCHAR(32) NOT NULL,
  sealed_body VARCHAR(200000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT secure_message_reply_reply_id UNIQUE (reply_id)
);
CREATE INDEX secure_message_reply_message ON secure_message_reply (message_ref, created_at);

-- Webhook pushes (replies to senders), drained like the SMS and mail outboxes. recipient is the
-- URL; sealed_content holds the body and the signing secret, and is erased once the receiver
-- accepted the push. event_id is the push's webhook-id (Standard Webhooks), unique per event.
CREATE TABLE webhook_outbox (
  id BIGINT PRIMARY KEY,
  recipient VARCHAR(2000) NOT NULL,
  purpose VARCHAR(64) NOT NULL,
  event_id VARCHAR(64) NOT NULL,
  sealed_content VARCHAR(1000000),
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
CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
CREATE INDEX webhook_outbox_claim ON webhook_outbox (state, claim_until);
CREATE INDEX webhook_outbox_state_created ON webhook_outbox (state, created_at);
CREATE INDEX webhook_outbox_event ON webhook_outbox (event_id);
