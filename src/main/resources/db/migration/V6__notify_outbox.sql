-- 码上联络 V6: notification outbox. Features enqueue in their own transaction; the sender delivers
-- (WeCom / DingTalk group robots, or the log) with optimistic claims so several replicas can run it.
CREATE TABLE notification_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  channel         VARCHAR(16)   NOT NULL,           -- WECOM, DINGTALK, LOG
  target          VARCHAR(64)   NOT NULL,           -- webhook name from configuration, or a recipient
  kind            VARCHAR(64)   NOT NULL,           -- template / event kind, e.g. sla.escalation
  payload         TEXT          NOT NULL,           -- JSON {title, markdown}
  status          VARCHAR(16)   NOT NULL,           -- PENDING, SENDING, SENT, FAILED
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL,
  claimed_by      VARCHAR(64)   NULL,               -- sender instance + batch that holds the lease
  claimed_until   DATETIME(3)   NULL,               -- lease end: a SENDING row past it is retried
  last_error      VARCHAR(255)  NULL,               -- short, never a URL, key or secret
  dedupe_key      VARCHAR(191)  NULL,               -- enqueue-once key; NULL = no deduplication
  created_at      DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_lease ON notification_outbox (status, claimed_until);
