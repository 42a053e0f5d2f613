-- Pattern tables, derivation patterns and their registration, pattern verification (flows A and
-- B, use IDs, temporary IDs, pairwise IDs), function codes, duress alerts and customer attributes
-- (SPEC §3.1-3.5). Portable SQL: H2 2.x and PostgreSQL 15 accept every statement here.

-- Per-system policies. function_codes null = the default table; duress_lock_after_seconds null =
-- a duress answer never locks; pairwise_key is the system's sealed HMAC key, made on first need.
ALTER TABLE relying_system ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE relying_system ADD COLUMN pattern_grid_ttl_seconds BIGINT DEFAULT 300 NOT NULL;
ALTER TABLE relying_system ADD COLUMN temp_ids_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE relying_system ADD COLUMN temp_id_max_age_seconds BIGINT DEFAULT 86400 NOT NULL;
ALTER TABLE relying_system ADD COLUMN temp_id_max_uses INTEGER DEFAULT 10 NOT NULL;
ALTER TABLE relying_system ADD COLUMN pairwise_id_length INTEGER DEFAULT 8 NOT NULL;
ALTER TABLE relying_system ADD COLUMN duress_lock_after_seconds BIGINT DEFAULT 900;
ALTER TABLE relying_system ADD COLUMN function_codes VARCHAR(4000);
ALTER TABLE relying_system ADD COLUMN attribute_allowance VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE relying_system ADD COLUMN pairwise_key VARCHAR(200);

-- Rows and columns never change once a pattern uses the table; retired tables take no new
-- registrations but keep verifying the patterns registered on them.
CREATE TABLE pattern_table (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  grid_rows INTEGER NOT NULL,
  grid_cols INTEGER NOT NULL,
  min_length INTEGER NOT NULL,
  max_cell_uses INTEGER NOT NULL,
  reject_adjacent BOOLEAN NOT NULL,
  retired_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT pattern_table_name UNIQUE (name)
);
-- ids below the sequence's first value (50) are free for seed rows
INSERT INTO pattern_table (id, name, grid_rows, grid_cols, min_length, max_cell_uses,
  reject_adjacent, retired_at, created_at, version)
  VALUES (1, 'Standard 4x12', 4, 12, 6, 2, TRUE, NULL, CURRENT_TIMESTAMP, 0);
INSERT INTO pattern_table (id, name, grid_rows, grid_cols, min_length, max_cell_uses,
  reject_adjacent, retired_at, created_at, version)
  VALUES (2, 'Compact 4x4', 4, 4, 4, 2, TRUE, NULL, CURRENT_TIMESTAMP, 0);

-- A formal derivation pattern: one per customer and scope (a system, or every system when
-- system_ref is null). The pattern is sealed (AES-256-GCM); a fixed password is only a slow hash.
CREATE TABLE derivation_pattern (
  id BIGINT PRIMARY KEY,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  system_ref BIGINT REFERENCES relying_system (id),
  table_ref BIGINT NOT NULL REFERENCES pattern_table (id),
  sealed_pattern VARCHAR(600) NOT NULL,
  fixed_hash VARCHAR(300),
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX derivation_pattern_customer ON derivation_pattern (customer_ref);

-- A registration link (single use, 24 h) and the state of the customer's registration through
-- it: phone code, candidates, narrowing, the provisional pattern and its confirmation grid.
-- Only an HMAC of the link's token is stored; everything secret is sealed.
CREATE TABLE pattern_registration (
  id BIGINT PRIMARY KEY,
  token_hash VARCHAR(100) NOT NULL,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  table_ref BIGINT NOT NULL REFERENCES pattern_table (id),
  system_ref BIGINT REFERENCES relying_system (id),
  state VARCHAR(16) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  candidate_seed VARCHAR(200) NOT NULL,
  phone_code_hash VARCHAR(100),
  phone_code_expires_at TIMESTAMP WITH TIME ZONE,
  phone_codes_sent INTEGER NOT NULL,
  phone_confirmed_at TIMESTAMP WITH TIME ZONE,
  narrowing VARCHAR(4000),
  provisional_pattern VARCHAR(600),
  provisional_fixed_hash VARCHAR(300),
  provisional_expires_at TIMESTAMP WITH TIME ZONE,
  confirmation_grid VARCHAR(600),
  confirmation_failures INTEGER NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT pattern_registration_token UNIQUE (token_hash)
);
CREATE INDEX pattern_registration_customer ON pattern_registration (customer_ref, state);
CREATE INDEX pattern_registration_expires ON pattern_registration (expires_at);

-- A use ID (flow B): 6 digits a relying system shows, claimed once by a handset.
CREATE TABLE pattern_use_id (
  id BIGINT PRIMARY KEY,
  use_id VARCHAR(6) NOT NULL,
  system_ref BIGINT NOT NULL REFERENCES relying_system (id),
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  verification_ref BIGINT,
  version BIGINT NOT NULL
);
CREATE INDEX pattern_use_id_lookup ON pattern_use_id (use_id, expires_at);
CREATE INDEX pattern_use_id_expires ON pattern_use_id (expires_at);

-- A temporary ID: typed at a relying system instead of the customer's identity.
CREATE TABLE pattern_temp_id (
  id BIGINT PRIMARY KEY,
  system_ref BIGINT NOT NULL REFERENCES relying_system (id),
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  temp_id VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  uses INTEGER NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT pattern_temp_id_value UNIQUE (system_ref, temp_id),
  CONSTRAINT pattern_temp_id_customer UNIQUE (system_ref, customer_ref)
);

-- A pending verification (SPEC §3.2) and, once answered, its outcome. event_id is the handset's
-- handle; verification_id the relying system's (for attributes).
CREATE TABLE pattern_verification (
  id BIGINT PRIMARY KEY,
  event_id VARCHAR(32) NOT NULL,
  verification_id VARCHAR(32) NOT NULL,
  flow VARCHAR(1) NOT NULL,
  system_ref BIGINT NOT NULL REFERENCES relying_system (id),
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  pattern_ref BIGINT NOT NULL,
  sealed_grid VARCHAR(600) NOT NULL,
  temp_id VARCHAR(16),
  use_id_ref BIGINT,
  disclose VARCHAR(1000),
  state VARCHAR(16) NOT NULL,
  function_name VARCHAR(32),
  pairwise_id VARCHAR(32),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE,
  attributes_released_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT pattern_verification_event UNIQUE (event_id),
  CONSTRAINT pattern_verification_vid UNIQUE (verification_id)
);
CREATE INDEX pattern_verification_pending ON pattern_verification (system_ref, customer_ref, state);
CREATE INDEX pattern_verification_created ON pattern_verification (created_at);

-- A customer's stable pairwise ID for one system (HMAC under the system's key, rendered in
-- decimal; counter > 0 when an earlier value collided within the system).
CREATE TABLE pairwise_id (
  id BIGINT PRIMARY KEY,
  system_ref BIGINT NOT NULL REFERENCES relying_system (id),
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  pairwise_value VARCHAR(32) NOT NULL,
  counter INTEGER NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pairwise_id_customer UNIQUE (system_ref, customer_ref),
  CONSTRAINT pairwise_id_value UNIQUE (system_ref, pairwise_value)
);

-- Alerts staff must act on (a duress answer). lock_due_at: when the system's lock policy locks
-- the customer's credentials (null = never); locked_at once done.
CREATE TABLE alert (
  id BIGINT PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  system_ref BIGINT REFERENCES relying_system (id),
  verification_ref BIGINT,
  raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
  lock_due_at TIMESTAMP WITH TIME ZONE,
  locked_at TIMESTAMP WITH TIME ZONE,
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  acknowledged_by VARCHAR(100),
  version BIGINT NOT NULL
);
CREATE INDEX alert_raised ON alert (raised_at);
CREATE INDEX alert_lock_due ON alert (lock_due_at, locked_at);

-- Profile attributes (SPEC §3.5), each value sealed.
CREATE TABLE customer_attribute (
  id BIGINT PRIMARY KEY,
  customer_ref BIGINT NOT NULL REFERENCES customer (id),
  name VARCHAR(64) NOT NULL,
  sealed_value VARCHAR(4000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT customer_attribute_name UNIQUE (customer_ref, name)
);
