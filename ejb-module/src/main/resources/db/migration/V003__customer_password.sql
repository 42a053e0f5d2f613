-- Customers' passwords for app logins (access tokens): an Argon2id hash, never the password.
ALTER TABLE customer ADD COLUMN password_hash VARCHAR(300);
