-- 码上联络 V51 (issue 18): where department and station notifications go, edited by the region's admins.
-- A target names a configured robot (notify.wecom.webhooks.<name> / notify.dingtalk.webhooks.<name>): the webhook
-- URL and its secret stay in the configuration, never in the database. owner_kind: DEPARTMENT, STATION or ACCOUNT
-- (a person's own robot); region_id is the owner's region (scope of the admins who may edit it).
CREATE TABLE notify_target (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  owner_kind  VARCHAR(16)  NOT NULL,
  owner_id    BIGINT       NOT NULL,
  region_id   BIGINT       NOT NULL,
  channel     VARCHAR(16)  NOT NULL,   -- WECOM, DINGTALK
  target      VARCHAR(64)  NOT NULL,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_notify_target UNIQUE (owner_kind, owner_id, channel),
  CONSTRAINT fk_notify_target_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_notify_target_region ON notify_target (region_id);
