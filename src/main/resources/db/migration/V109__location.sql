-- 码上联络 V109 (issue 22, location): a station's communities (小区/村 of its area, the resident's pick list) and
-- the optional place a resident attached to a concern, with consent (WGS-84 from the browser or WeChat's JS-SDK,
-- or a community only). One row per concern at most; station_id and created_at are copies of the concern's (they
-- never change) so the head's hot-spot list walks (station_id, created_at) without touching the concern table.
CREATE TABLE station_community (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  station_id  BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  sort_order  INT          NOT NULL,
  active      BOOLEAN      NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_station_community UNIQUE (station_id, name),
  CONSTRAINT fk_station_community_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE concern_location (
  concern_id    BIGINT        NOT NULL,
  station_id    BIGINT        NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  source        VARCHAR(16)   NOT NULL,
  lat           DECIMAL(9,6),
  lng           DECIMAL(9,6),
  accuracy_m    INT,
  community_id  BIGINT,
  PRIMARY KEY (concern_id),
  CONSTRAINT fk_concern_location_concern FOREIGN KEY (concern_id) REFERENCES concern (id),
  CONSTRAINT fk_concern_location_community FOREIGN KEY (community_id) REFERENCES station_community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_concern_location_station ON concern_location (station_id, created_at);
