-- 码上联络 V100: per-station daily aggregates for the station dashboard (StationDays). A station dashboard of any
-- period merges the days of its cohort instead of reading the station's concerns. Grain: the day (Asia/Shanghai)
-- a concern was received. H2 (MySQL mode), MariaDB and MySQL 8 alike.

-- A station-day whose aggregate rows below are built (built_at). It is fresh while no dash_day_dirty row of it is left.
CREATE TABLE dash_day (
  station_id  BIGINT       NOT NULL,
  stat_day    DATE         NOT NULL,
  built_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (station_id, stat_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per concern event that changed a concern received that day, written in the event's transaction
-- (distinct keys: concurrent events never lock each other's row). RollupJob rebuilds the day, then deletes the
-- rows it saw before reading the concerns, so an event committed meanwhile keeps the day dirty.
CREATE TABLE dash_day_dirty (
  station_id  BIGINT       NOT NULL,
  stat_day    DATE         NOT NULL,
  event_id    BIGINT       NOT NULL,
  PRIMARY KEY (station_id, stat_day, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The figures of a station-day's cohort: dim_key 'T' (all), 'D<deputy id>' (-1: none), 'C<category>'.
-- Times exact to 0.01 working day (the dashboard's resolution): *_hist = 'centi:n,…' sorted; *_ms = sum in
-- working milliseconds. states ('STATE:n,…') only on the 'T' row. open_overdue is not stored: it depends on now.
CREATE TABLE dash_station_day (
  station_id  BIGINT       NOT NULL,
  stat_day    DATE         NOT NULL,
  dim_key     VARCHAR(48)  NOT NULL,
  received    INT          NOT NULL,
  rejected    INT          NOT NULL,
  responded   INT          NOT NULL,
  resolved    INT          NOT NULL,
  rated       INT          NOT NULL,
  satisfied   INT          NOT NULL,
  on_time     INT          NOT NULL,
  fr_n        INT          NOT NULL,
  fr_ms       BIGINT       NOT NULL,
  res_n       INT          NOT NULL,
  res_ms      BIGINT       NOT NULL,
  fr_hist     TEXT         NULL,
  res_hist    TEXT         NULL,
  states      VARCHAR(400) NULL,
  PRIMARY KEY (station_id, stat_day, dim_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The dashboard series: concerns received on created_day first answered / resolved (now RESOLVED or CLOSED) on
-- event_day. Keyed by event day first: a period's series is one range.
CREATE TABLE dash_station_flow (
  station_id   BIGINT  NOT NULL,
  event_day    DATE    NOT NULL,
  created_day  DATE    NOT NULL,
  answered     INT     NOT NULL,
  resolved     INT     NOT NULL,
  PRIMARY KEY (station_id, event_day, created_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_dash_station_flow_created ON dash_station_flow (station_id, created_day);
