-- 码上联络 V4: concerns (intake now; the whole life cycle is already carried so later features add logic,
-- not columns), their immutable event timeline, photos, idempotency records, PII access audit,
-- categories and the daily tracking-number counter. H2 (MySQL mode), MariaDB and MySQL 8 alike.

CREATE TABLE concern_category (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  region_id   BIGINT       NULL,                 -- NULL = city-wide; else offered in that region and below
  name        VARCHAR(32)  NOT NULL,
  sort_order  INT          NOT NULL DEFAULT 0,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  CONSTRAINT fk_category_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_category_region ON concern_category (region_id, active, sort_order);

INSERT INTO concern_category (region_id, name, sort_order, active) VALUES
  (NULL, '基础设施', 10, TRUE), (NULL, '生活环境', 20, TRUE), (NULL, '停车出行', 30, TRUE),
  (NULL, '供暖供气', 40, TRUE), (NULL, '教育医疗', 50, TRUE), (NULL, '企业发展', 60, TRUE),
  (NULL, '政策咨询', 70, TRUE), (NULL, '其他', 1000, TRUE);

CREATE TABLE concern (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  tracking_no         VARCHAR(32)   NOT NULL,      -- LL-20261122-000123
  tracking_key_hash   CHAR(64)      NOT NULL,      -- SHA-256 (hex) of the secret of the tracking link
  station_id          BIGINT        NOT NULL,
  deputy_id           BIGINT        NULL,          -- addressed deputy (deputy code)
  membership_id       BIGINT        NULL,
  region_id           BIGINT        NOT NULL,      -- the station's region, denormalised for roll-ups
  channel             VARCHAR(16)   NOT NULL,      -- STATION_CODE, DEPUTY_CODE, RECEPTION_DAY, PHONE
  code_id             BIGINT        NULL,
  category            VARCHAR(32)   NOT NULL,
  content             TEXT          NOT NULL,
  address             VARCHAR(200)  NULL,
  contact_name        VARCHAR(64)   NULL,
  mobile_enc          VARCHAR(255)  NULL,          -- AES-256-GCM, base64(iv || ciphertext)
  mobile_masked       VARCHAR(16)   NULL,          -- 138****5678
  mobile_hash         CHAR(64)      NULL,          -- HMAC-SHA256 (hex), for duplicate detection only
  consent_at          DATETIME(3)   NULL,
  resident_device_id  CHAR(64)      NULL,          -- SHA-256 (hex) of the resident token's subject
  state               VARCHAR(16)   NOT NULL,      -- see ConcernState
  assignee_deputy_id  BIGINT        NULL,
  department_id       BIGINT        NULL,
  department_deadline DATETIME(3)   NULL,
  outcome             VARCHAR(32)   NULL,          -- SOLVED, EXPLAINED, NOT_SOLVABLE_BY_POLICY, DUPLICATE_MERGED
  merged_into_id      BIGINT        NULL,
  rating              VARCHAR(24)   NULL,          -- SATISFIED, BASICALLY_SATISFIED, DISSATISFIED (latest)
  rating_comment      VARCHAR(500)  NULL,
  rated_at            DATETIME(3)   NULL,
  reopen_count        INT           NOT NULL DEFAULT 0,
  me_too_count        INT           NOT NULL DEFAULT 0,
  first_response_at   DATETIME(3)   NULL,
  resolved_at         DATETIME(3)   NULL,
  closed_at           DATETIME(3)   NULL,
  pii_purged_at       DATETIME(3)   NULL,
  created_at          DATETIME(3)   NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_concern_tracking_no UNIQUE (tracking_no),
  CONSTRAINT fk_concern_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_concern_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id),
  CONSTRAINT fk_concern_membership FOREIGN KEY (membership_id) REFERENCES station_membership (id),
  CONSTRAINT fk_concern_region FOREIGN KEY (region_id) REFERENCES region (id),
  CONSTRAINT fk_concern_code FOREIGN KEY (code_id) REFERENCES contact_code (id),
  CONSTRAINT fk_concern_assignee FOREIGN KEY (assignee_deputy_id) REFERENCES deputy (id),
  CONSTRAINT fk_concern_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT fk_concern_merged FOREIGN KEY (merged_into_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_concern_station_queue ON concern (station_id, state, created_at);
CREATE INDEX ix_concern_assignee_queue ON concern (assignee_deputy_id, state, created_at);
CREATE INDEX ix_concern_deputy_queue ON concern (deputy_id, state, created_at);
CREATE INDEX ix_concern_region_created ON concern (region_id, created_at);
CREATE INDEX ix_concern_station_created ON concern (station_id, created_at);
CREATE INDEX ix_concern_device ON concern (resident_device_id, created_at);
CREATE INDEX ix_concern_mobile_hash ON concern (mobile_hash, created_at);
CREATE INDEX ix_concern_code_created ON concern (code_id, created_at);
CREATE INDEX ix_concern_closed ON concern (state, closed_at);
CREATE INDEX ix_concern_department ON concern (department_id, state, department_deadline);
CREATE INDEX ix_concern_merged ON concern (merged_into_id);

-- The timeline. Immutable: rows are inserted, never updated or deleted.
CREATE TABLE concern_event (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id        BIGINT       NOT NULL,
  type              VARCHAR(32)  NOT NULL,        -- see ConcernEventType
  actor_type        VARCHAR(16)  NOT NULL,        -- RESIDENT, STAFF, SYSTEM
  actor_account_id  BIGINT       NULL,
  actor_role        VARCHAR(16)  NULL,
  from_state        VARCHAR(16)  NULL,
  to_state          VARCHAR(16)  NULL,
  body              TEXT         NULL,
  payload           TEXT         NULL,            -- structured details as JSON (department, deadline, …)
  is_public         BOOLEAN      NOT NULL,        -- shown on the resident's tracking page
  created_at        DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_event_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_event_concern ON concern_event (concern_id, id);
CREATE INDEX ix_event_type_created ON concern_event (type, created_at);

CREATE TABLE concern_photo (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id    BIGINT       NULL,                -- NULL until attached by a submission
  upload_token  VARCHAR(48)  NOT NULL,            -- the random uploadId the resident got
  storage_name  VARCHAR(80)  NOT NULL,            -- generated; never from the request
  content_type  VARCHAR(32)  NOT NULL,
  bytes         INT          NOT NULL,
  width         INT          NOT NULL,
  height        INT          NOT NULL,
  device_hash   CHAR(64)     NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_photo_upload UNIQUE (upload_token),
  CONSTRAINT fk_photo_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_photo_concern ON concern_photo (concern_id);
CREATE INDEX ix_photo_created ON concern_photo (created_at);

CREATE TABLE idempotency_record (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  idem_key      VARCHAR(80)  NOT NULL,
  scope         VARCHAR(80)  NOT NULL,            -- 'device:<hash prefix>' or 'addr:<address>'
  request_hash  CHAR(64)     NOT NULL,
  response      TEXT         NULL,                -- the answer, encrypted (it holds the tracking secret)
  concern_id    BIGINT       NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_idempotency_key UNIQUE (idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);

-- Every reveal of a resident's personal data to staff.
CREATE TABLE pii_access_log (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id  BIGINT       NOT NULL,
  account_id  BIGINT       NOT NULL,
  field       VARCHAR(32)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_pii_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_pii_concern ON pii_access_log (concern_id, created_at);
CREATE INDEX ix_pii_account ON pii_access_log (account_id, created_at);

-- One row per day (Asia/Shanghai): the daily part of tracking numbers.
CREATE TABLE tracking_sequence (
  seq_day    DATE    NOT NULL,
  seq_value  BIGINT  NOT NULL,
  PRIMARY KEY (seq_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
