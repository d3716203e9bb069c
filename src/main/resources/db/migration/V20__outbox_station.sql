-- 码上联络 V20 (security, issue 16): the station a notification is about, so the admin outbox list and retry are
-- scoped to the admin's region (through station → region). NULL = deployment-wide (ops), seen by top-level admins.
ALTER TABLE notification_outbox ADD COLUMN station_id BIGINT NULL;
CREATE INDEX ix_outbox_station ON notification_outbox (station_id, id);
