-- 码上联络 V70 (issue 19): residents hear back. A subscription is the resident's opt-in ("有进展时通知我") for one
-- concern on one channel (SMS: the concern's own encrypted mobile; WECHAT: added by the WeChat channel). Revoking
-- sets active = FALSE; messages already queued are dropped at delivery. No mobile number is stored here.
CREATE TABLE resident_subscription (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id  BIGINT       NOT NULL,
  channel     VARCHAR(16)  NOT NULL,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_resident_subscription UNIQUE (concern_id, channel),
  CONSTRAINT fk_resident_subscription_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One-time codes of "找回我的反映": only the code's keyed hash and the number's keyed hash and ciphertext (to send
-- it); 5 minutes, 5 tries, used once.
CREATE TABLE resident_otp (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  mobile_hash  CHAR(64)     NOT NULL,
  mobile_enc   VARCHAR(255) NOT NULL,
  code_hash    CHAR(64)     NOT NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  expires_at   DATETIME(3)  NOT NULL,
  used_at      DATETIME(3)  NULL,
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_resident_otp_mobile ON resident_otp (mobile_hash, created_at);
