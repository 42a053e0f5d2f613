-- Staff accounts kept by staff: a login lock after consecutive wrong passwords, and when each
-- account last logged in and last had its password set. One column per statement: H2 2.x and
-- PostgreSQL agree on that form (DEFAULT before NOT NULL).
ALTER TABLE staff_member ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE staff_member ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_member ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_member ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
