-- 码上联络 V8: SLA overdue job (lock, escalation records) and dashboard summary tables.
-- H2 (MySQL mode), MariaDB and MySQL 8 alike.

-- One row per scheduled job; a replica runs the job only after its conditional UPDATE claimed the row
-- (locked_until in the past → now + lease). Works on every engine, no SELECT … FOR UPDATE needed.
CREATE TABLE sla_job_lock (
  name          VARCHAR(64)  NOT NULL,
  locked_until  DATETIME(3)  NOT NULL,
  locked_by     VARCHAR(64)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO sla_job_lock (name, locked_until, locked_by) VALUES ('sla-overdue', '2000-01-01 00:00:00.000', NULL);
INSERT INTO sla_job_lock (name, locked_until, locked_by) VALUES ('dash-rollup', '2000-01-01 00:00:00.000', NULL);

-- Each escalation step of a breach happens once: unique per (concern, segment, level).
-- segment: FIRST_RESPONSE, DEPARTMENT, RESOLUTION; level: DEPUTY_AMBER, DEPUTY_RED, HEAD_RED, ADMIN_RED.
-- deadline is part of the breach: an extended department deadline is a new breach (new row).
CREATE TABLE sla_escalation (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  concern_id  BIGINT       NOT NULL,
  station_id  BIGINT       NOT NULL,
  segment     VARCHAR(16)  NOT NULL,
  level       VARCHAR(16)  NOT NULL,
  deadline    DATETIME(3)  NOT NULL,
  breached_at DATETIME(3)  NOT NULL,              -- when the job saw the colour (amber or red)
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_sla_escalation UNIQUE (concern_id, segment, level, deadline),
  CONSTRAINT fk_escalation_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_escalation_station ON sla_escalation (station_id, created_at);

-- Open concerns are read by the overdue job and the boards by state; this index lets it skip closed rows.
CREATE INDEX ix_concern_state_created ON concern (state, created_at);

-- Dashboard roll-ups (committee dashboards). Grain: calendar month (Asia/Shanghai) of created_at ("cohort"),
-- per station × category, and the same summed per region (every ancestor of the station's region, so a
-- region's figures are one small read). Recomputed by RollupJob for the station-months marked dirty by the
-- ConcernChanged listener and by the overdue job (a concern turning red changes "open overdue").
CREATE TABLE dash_dirty (
  station_id  BIGINT       NOT NULL,
  stat_month       DATE         NOT NULL,               -- first day of the month
  marked_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (station_id, stat_month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE dash_station_month (
  station_id      BIGINT       NOT NULL,
  stat_month           DATE         NOT NULL,
  category        VARCHAR(32)  NOT NULL,
  received        INT          NOT NULL,          -- created in the month
  rejected        INT          NOT NULL,
  responded       INT          NOT NULL,          -- of the non-rejected: first_response_at set
  resolved        INT          NOT NULL,          -- of the non-rejected: RESOLVED or CLOSED
  rated           INT          NOT NULL,
  satisfied       INT          NOT NULL,          -- SATISFIED + BASICALLY_SATISFIED
  on_time         INT          NOT NULL,          -- resolved, resolved_at <= resolution deadline
  open_overdue    INT          NOT NULL,          -- open and past the resolution deadline (as of computed_at)
  fr_n            INT          NOT NULL,          -- first-response times: count, sum (working days)
  fr_sum          DOUBLE       NOT NULL,
  res_n           INT          NOT NULL,          -- resolution times
  res_sum         DOUBLE       NOT NULL,
  computed_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (station_id, category, stat_month)   -- category before month: the '*' rows of a period are one range
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE dash_region_month (
  region_id       BIGINT       NOT NULL,
  stat_month           DATE         NOT NULL,
  category        VARCHAR(32)  NOT NULL,
  received        INT          NOT NULL,
  rejected        INT          NOT NULL,
  responded       INT          NOT NULL,
  resolved        INT          NOT NULL,
  rated           INT          NOT NULL,
  satisfied       INT          NOT NULL,
  on_time         INT          NOT NULL,
  open_overdue    INT          NOT NULL,
  fr_n            INT          NOT NULL,
  fr_sum          DOUBLE       NOT NULL,
  res_n           INT          NOT NULL,
  res_sum         DOUBLE       NOT NULL,
  PRIMARY KEY (region_id, category, stat_month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Histograms of first-response (FR) and resolution (RES) times in 0.1 working-day buckets
-- (bucket = floor(days × 10), capped at 999), for medians and P90 of a region without reading concerns.
CREATE TABLE dash_station_hist (
  station_id  BIGINT       NOT NULL,
  stat_month       DATE         NOT NULL,
  metric      VARCHAR(8)   NOT NULL,
  bucket      INT          NOT NULL,
  n           INT          NOT NULL,
  PRIMARY KEY (station_id, stat_month, metric, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE dash_region_hist (
  region_id   BIGINT       NOT NULL,
  stat_month       DATE         NOT NULL,
  metric      VARCHAR(8)   NOT NULL,
  bucket      INT          NOT NULL,
  n           INT          NOT NULL,
  PRIMARY KEY (region_id, stat_month, metric, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
