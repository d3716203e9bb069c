-- 码上联络 V5: working-day calendar (public holidays and 调休 make-up working days) and SLA rules.
-- A date is a working day iff (Mon–Fri and not a HOLIDAY row) or a WORKDAY row.

-- Years whose official arrangement has been entered. A loaded year with no rows is a year without
-- holidays; a year missing here has no calendar yet (the dashboard warns, the service falls back to Mon–Fri).
CREATE TABLE calendar_year (
  cal_year    INT          NOT NULL,
  source      VARCHAR(255) NULL,                -- e.g. 国务院办公厅 2025-11-04
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (cal_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE calendar_day (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  cal_date    DATE         NOT NULL,
  cal_year    INT          NOT NULL,
  kind        VARCHAR(16)  NOT NULL,            -- HOLIDAY (放假) or WORKDAY (调休上班, a Sat/Sun)
  name        VARCHAR(64)  NOT NULL,            -- 元旦, 春节, …
  PRIMARY KEY (id),
  CONSTRAINT uq_calendar_day UNIQUE (cal_date),
  CONSTRAINT fk_calendar_day_year FOREIGN KEY (cal_year) REFERENCES calendar_year (cal_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_calendar_day_year ON calendar_day (cal_year, cal_date);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
INSERT INTO calendar_year (cal_year, source, updated_at) VALUES (2026, '国务院办公厅 2025-11-04', '2025-11-04 00:00:00.000');
INSERT INTO calendar_day (cal_date, cal_year, kind, name) VALUES
  ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
  ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
  ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
  ('2026-01-04', 2026, 'WORKDAY', '元旦'),
  ('2026-02-14', 2026, 'WORKDAY', '春节'),
  ('2026-02-15', 2026, 'HOLIDAY', '春节'),
  ('2026-02-16', 2026, 'HOLIDAY', '春节'),
  ('2026-02-17', 2026, 'HOLIDAY', '春节'),
  ('2026-02-18', 2026, 'HOLIDAY', '春节'),
  ('2026-02-19', 2026, 'HOLIDAY', '春节'),
  ('2026-02-20', 2026, 'HOLIDAY', '春节'),
  ('2026-02-21', 2026, 'HOLIDAY', '春节'),
  ('2026-02-22', 2026, 'HOLIDAY', '春节'),
  ('2026-02-23', 2026, 'HOLIDAY', '春节'),
  ('2026-02-28', 2026, 'WORKDAY', '春节'),
  ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
  ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
  ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
  ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-09', 2026, 'WORKDAY', '劳动节'),
  ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
  ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
  ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
  ('2026-09-20', 2026, 'WORKDAY', '国庆节'),
  ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
  ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
  ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
  ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-10', 2026, 'WORKDAY', '国庆节');

-- Service-level rules in working days. region_id NULL = city-wide; category NULL = every category.
-- scope_key ('<regionId or *>|<category or *>') makes each (region, category) pair unique even with NULLs.
CREATE TABLE sla_rule (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  region_id           BIGINT        NULL,
  category            VARCHAR(32)   NULL,
  scope_key           VARCHAR(64)   NOT NULL,
  first_response_days INT           NOT NULL DEFAULT 3,   -- SUBMITTED → first reply/accept
  department_days     INT           NOT NULL DEFAULT 10,  -- REFERRED → department answer
  resolution_days     INT           NOT NULL DEFAULT 15,  -- SUBMITTED → RESOLVED
  feedback_days       INT           NOT NULL DEFAULT 7,   -- RESOLVED unrated → auto-close
  amber_ratio         DECIMAL(4,3)  NOT NULL DEFAULT 0.800,
  created_at          DATETIME(3)   NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_sla_rule_scope UNIQUE (scope_key),
  CONSTRAINT fk_sla_rule_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sla_rule_region ON sla_rule (region_id);

INSERT INTO sla_rule (region_id, category, scope_key, first_response_days, department_days, resolution_days,
                      feedback_days, amber_ratio, created_at, updated_at)
VALUES (NULL, NULL, '*|*', 3, 10, 15, 7, 0.800, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
