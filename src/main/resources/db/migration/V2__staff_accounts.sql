-- 码上联络 V2: staff accounts (DEPUTY, LIAISON, STATION_HEAD, ADMIN) and their data scope.
-- A login is a login name and/or a mobile number. token_version is bumped by logout, password change
-- and deactivation; a token carrying an older version is refused on its next request.

CREATE TABLE staff_account (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  login_name          VARCHAR(64)   NULL,
  mobile              VARCHAR(20)   NULL,
  display_name        VARCHAR(64)   NOT NULL,
  password_hash       VARCHAR(100)  NOT NULL,          -- bcrypt ($2a$, cost 10..12)
  role                VARCHAR(16)   NOT NULL,          -- DEPUTY, LIAISON, STATION_HEAD, ADMIN
  deputy_id           BIGINT        NULL,              -- scope of a DEPUTY (also set for a head who is a deputy)
  station_id          BIGINT        NULL,              -- scope of a LIAISON / STATION_HEAD
  region_id           BIGINT        NULL,              -- scope of an ADMIN (that region and below)
  active              BOOLEAN       NOT NULL DEFAULT TRUE,
  token_version       BIGINT        NOT NULL DEFAULT 0,
  password_changed_at DATETIME(3)   NULL,
  last_login_at       DATETIME(3)   NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  created_at          DATETIME(3)   NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_account_login UNIQUE (login_name),
  CONSTRAINT uq_account_mobile UNIQUE (mobile),
  CONSTRAINT fk_account_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id),
  CONSTRAINT fk_account_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_account_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_account_station ON staff_account (station_id);
CREATE INDEX ix_account_region ON staff_account (region_id);
CREATE INDEX ix_account_deputy ON staff_account (deputy_id);
