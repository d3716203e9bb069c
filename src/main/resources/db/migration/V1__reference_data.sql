-- 码上联络 V1: reference data of one city. Runs unchanged on MySQL 8, MariaDB and H2 (MySQL mode).
-- All times are UTC (DATETIME(3)); the API shows them in Asia/Shanghai.

CREATE TABLE region (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  parent_id   BIGINT       NULL,
  name        VARCHAR(64)  NOT NULL,
  level       VARCHAR(16)  NOT NULL,            -- CITY, COUNTY, TOWNSHIP, VILLAGE
  division_code VARCHAR(12) NULL,               -- 行政区划代码
  path        VARCHAR(255) NOT NULL,            -- materialised path '/1/4/9/' for "this region and below"
  sort_order  INT          NOT NULL DEFAULT 0,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_region_parent FOREIGN KEY (parent_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_region_parent ON region (parent_id);
CREATE INDEX ix_region_path ON region (path);

CREATE TABLE station (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  region_id     BIGINT        NOT NULL,
  name          VARCHAR(128)  NOT NULL,
  kind          VARCHAR(16)   NOT NULL,          -- STATION (联络站) or POINT (联络点)
  type          VARCHAR(16)   NOT NULL,          -- REGIONAL or INDUSTRY
  industry      VARCHAR(64)   NULL,              -- e.g. 清洁能源 for industry stations
  address       VARCHAR(255)  NOT NULL,
  introduction  TEXT          NULL,
  opening_hours VARCHAR(255)  NULL,
  reception_note VARCHAR(255) NULL,              -- e.g. 每月5日 接待日
  public_phone  VARCHAR(32)   NULL,
  active        BOOLEAN       NOT NULL DEFAULT TRUE,
  version       BIGINT        NOT NULL DEFAULT 0,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_station_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_station_region ON station (region_id, active, id);

CREATE TABLE deputy (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  name          VARCHAR(64)   NOT NULL,
  gender        VARCHAR(8)    NULL,
  levels        VARCHAR(64)   NOT NULL,          -- comma list of NATIONAL,PROVINCE,CITY,COUNTY,TOWNSHIP (五级代表)
  unit          VARCHAR(128)  NULL,              -- 工作单位
  occupation    VARCHAR(64)   NULL,
  constituency  VARCHAR(128)  NULL,              -- 选区 / 代表团
  public_phone  VARCHAR(32)   NULL,              -- published contact (双码公开)
  public_email  VARCHAR(128)  NULL,
  bio           TEXT          NULL,
  region_id     BIGINT        NULL,              -- home region, for admin scope
  active        BOOLEAN       NOT NULL DEFAULT TRUE,
  version       BIGINT        NOT NULL DEFAULT 0,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_deputy_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_deputy_region ON deputy (region_id);
CREATE INDEX ix_deputy_name ON deputy (name);

CREATE TABLE station_membership (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  station_id  BIGINT       NOT NULL,
  deputy_id   BIGINT       NOT NULL,
  role        VARCHAR(16)  NOT NULL,             -- HEAD, DEPUTY_HEAD, RESIDENT
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  joined_on   DATE         NULL,
  left_on     DATE         NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_membership UNIQUE (station_id, deputy_id),
  CONSTRAINT fk_membership_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_membership_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_membership_deputy ON station_membership (deputy_id, active);

CREATE TABLE department (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  region_id     BIGINT       NOT NULL,
  name          VARCHAR(128) NOT NULL,
  contact_name  VARCHAR(64)  NULL,
  contact_phone VARCHAR(32)  NULL,
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    DATETIME(3)  NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_department_name UNIQUE (region_id, name),
  CONSTRAINT fk_department_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A printed QR code: a short unguessable token that routes to a station, or to a deputy's
-- membership in a station. Revocable; at most one active code per station / membership
-- (enforced by the code service under a row lock on the owner).
CREATE TABLE contact_code (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  code            VARCHAR(24)  NOT NULL,
  kind            VARCHAR(16)  NOT NULL,         -- STATION or DEPUTY
  station_id      BIGINT       NOT NULL,
  membership_id   BIGINT       NULL,
  deputy_id       BIGINT       NULL,
  preset_category VARCHAR(32)  NULL,
  active          BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at      DATETIME(3)  NOT NULL,
  revoked_at      DATETIME(3)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_contact_code UNIQUE (code),
  CONSTRAINT fk_code_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_code_membership FOREIGN KEY (membership_id) REFERENCES station_membership (id),
  CONSTRAINT fk_code_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_code_station ON contact_code (station_id, active);
CREATE INDEX ix_code_membership ON contact_code (membership_id, active);
