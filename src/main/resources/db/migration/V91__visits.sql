-- 码上联络 V91 (issue 24): deputies' visits to residents (走访 / 出诊); concerns raised on the spot are ordinary
-- concerns with channel VISIT (created through the one intake core) linked here.
CREATE TABLE visit (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  deputy_id   BIGINT        NOT NULL,
  station_id  BIGINT        NOT NULL,
  visit_date  DATE          NOT NULL,
  place       VARCHAR(200)  NOT NULL,
  residents   INT           NOT NULL,
  topics      VARCHAR(2000) NOT NULL,
  idem_key    VARCHAR(80)   NOT NULL,
  created_by  BIGINT        NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_visit_idem UNIQUE (created_by, idem_key),
  CONSTRAINT fk_visit_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id),
  CONSTRAINT fk_visit_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_visit_deputy ON visit (deputy_id, visit_date);

CREATE TABLE visit_concern (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  visit_id   BIGINT NOT NULL,
  concern_id BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_visit_concern UNIQUE (visit_id, concern_id),
  CONSTRAINT fk_vc_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
  CONSTRAINT fk_vc_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
