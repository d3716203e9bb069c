-- 码上联络 V30: Open311 GeoReport v2 (issue 23). External clients (a hotline's work-order bridge, a FixMyStreet
-- install, a city app) hold an API key issued by an admin of a region; they file concerns into the stations of
-- that region. Concerns they file get channel OPEN311 and a SUBMITTED event with actor_type CLIENT (no staff
-- account). H2 (MySQL mode), MariaDB and MySQL 8 alike.

CREATE TABLE open311_client (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  region_id      BIGINT       NOT NULL,           -- the client may file into stations of this region and below
  name           VARCHAR(64)  NOT NULL,
  key_hash       CHAR(64)     NOT NULL,           -- SHA-256 (hex) of the API key; the key itself is shown once
  key_prefix     VARCHAR(12)  NOT NULL,           -- first characters of the key, to recognise it in lists
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  request_count  BIGINT       NOT NULL DEFAULT 0, -- service requests filed with this key (replays not counted)
  last_used_at   DATETIME(3)  NULL,
  created_by     BIGINT       NOT NULL,           -- staff account of the admin who issued it
  created_at     DATETIME(3)  NOT NULL,
  revoked_by     BIGINT       NULL,
  revoked_at     DATETIME(3)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_open311_client_key UNIQUE (key_hash),
  CONSTRAINT fk_open311_client_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_open311_client_region ON open311_client (region_id, id);

-- What Open311 adds to a concern it filed: the client, the token answered to the POST, the location fields the
-- concern row has no column for, and the media URL.
CREATE TABLE open311_request (
  concern_id  BIGINT        NOT NULL,
  client_id   BIGINT        NOT NULL,
  token       VARCHAR(32)   NOT NULL,
  lat         DECIMAL(10,7) NULL,
  lon         DECIMAL(10,7) NULL,
  address_id  VARCHAR(64)   NULL,
  media_url   VARCHAR(500)  NULL,
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (concern_id),
  CONSTRAINT uq_open311_request_token UNIQUE (token),
  CONSTRAINT fk_open311_request_concern FOREIGN KEY (concern_id) REFERENCES concern (id),
  CONSTRAINT fk_open311_request_client FOREIGN KEY (client_id) REFERENCES open311_client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_open311_request_created ON open311_request (created_at);
CREATE INDEX ix_open311_request_client ON open311_request (client_id, created_at);
