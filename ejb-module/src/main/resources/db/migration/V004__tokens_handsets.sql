-- Access tokens (SPEC §3.7), handsets and their enrollments (SPEC §3.8).
-- Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- One token per app per terminal: a new login of that app on that terminal replaces the row.
-- token_key finds the row (22 characters of base64url); only an HMAC of the secret is stored.
CREATE TABLE access_token (
  id BIGINT PRIMARY KEY,
  token_key VARCHAR(22) NOT NULL,
  secret_hash VARCHAR(100) NOT NULL,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  app_id VARCHAR(64) NOT NULL,
  terminal_id VARCHAR(128) NOT NULL,
  issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT access_token_key UNIQUE (token_key),
  CONSTRAINT access_token_app_terminal UNIQUE (terminal_id, app_id)
);
CREATE INDEX access_token_customer ON access_token (customer_ref);
CREATE INDEX access_token_expires ON access_token (expires_at);

-- An enrolled handset: tied to the MSISDN it enrolled with and to that MSISDN's customer.
-- public_key is the base64 DER SubjectPublicKeyInfo (RSA >= 2048 or EC P-256), null until uploaded.
CREATE TABLE handset (
  id BIGINT PRIMARY KEY,
  handset_id VARCHAR(32) NOT NULL,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  msisdn VARCHAR(16) NOT NULL,
  device_type VARCHAR(32) NOT NULL,
  enrolled_by VARCHAR(16) NOT NULL,
  enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
  public_key VARCHAR(2000),
  key_algorithm VARCHAR(16),
  key_uploaded_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT handset_handset_id UNIQUE (handset_id)
);
CREATE INDEX handset_customer ON handset (customer_ref);
CREATE INDEX handset_msisdn ON handset (msisdn);

-- One enrollment attempt. SERVER_OTP rows hold an HMAC of the code texted to the MSISDN;
-- HANDSET_OTP rows record which mobile-originated SMS they used (once: unique).
-- customer_ref is null when the MSISDN is no single customer's (such a row can never succeed).
CREATE TABLE handset_enrollment (
  id BIGINT PRIMARY KEY,
  enrollment_id VARCHAR(32) NOT NULL,
  method VARCHAR(16) NOT NULL,
  msisdn VARCHAR(16) NOT NULL,
  customer_ref BIGINT REFERENCES customer (id),
  device_type VARCHAR(32) NOT NULL,
  otp_hash VARCHAR(100),
  inbound_sms_ref BIGINT,
  state VARCHAR(16) NOT NULL,
  failures INTEGER NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  handset_ref BIGINT REFERENCES handset (id),
  CONSTRAINT handset_enrollment_id UNIQUE (enrollment_id),
  CONSTRAINT handset_enrollment_sms UNIQUE (inbound_sms_ref)
);
CREATE INDEX handset_enrollment_msisdn ON handset_enrollment (msisdn, created_at);
CREATE INDEX handset_enrollment_expires ON handset_enrollment (expires_at);
