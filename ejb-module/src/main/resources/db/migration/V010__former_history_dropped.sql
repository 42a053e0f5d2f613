-- The migrations are Flyway's (flyway_schema_history) since this version. A database made
-- before carried the former migrator's record, which start-up checked and adopted as Flyway's
-- baseline: it is not needed any more.
DROP TABLE IF EXISTS schema_history;
