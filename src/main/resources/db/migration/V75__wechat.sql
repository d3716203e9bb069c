-- 码上联络 V75 (issue 19): the WeChat official account. A resident's openid is personal data: it is stored
-- encrypted (to send subscription messages) with its keyed hash for lookup, never shown in a page or an answer.
-- A device (the SHA-256 of its resident token's subject, as concern.resident_device_id) signs in through
-- 网页授权 and is bound to the openid; every device bound to the same openid sees the same concerns (我的反映).
CREATE TABLE wechat_identity (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  openid_hash  CHAR(64)     NOT NULL,           -- PiiCrypto.hmac of the openid
  openid_enc   VARCHAR(255) NOT NULL,           -- PiiCrypto.encrypt of the openid
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_wechat_openid UNIQUE (openid_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE wechat_device (
  device_id    CHAR(64)     NOT NULL,           -- as concern.resident_device_id
  identity_id  BIGINT       NOT NULL,
  bound_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (device_id),
  CONSTRAINT fk_wechat_device_identity FOREIGN KEY (identity_id) REFERENCES wechat_identity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_wechat_device_identity ON wechat_device (identity_id);

-- 一次性订阅消息: each confirmed consent allows one message about its concern; used_at marks it spent.
CREATE TABLE wechat_subscription (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id   BIGINT       NOT NULL,
  identity_id  BIGINT       NOT NULL,
  scene        INT          NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  used_at      DATETIME(3)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_wechat_sub_concern FOREIGN KEY (concern_id) REFERENCES concern (id),
  CONSTRAINT fk_wechat_sub_identity FOREIGN KEY (identity_id) REFERENCES wechat_identity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_wechat_sub_concern ON wechat_subscription (concern_id, used_at);
