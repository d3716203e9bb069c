-- 码上联络 V9: reception days (接待日) — recurring rules and generated sessions, on-duty deputies and their
-- check-in (进站履职), resident bookings, concerns taken in person, activity plans (有计划), the deputies'
-- performance archive points scheme (履职档案积分) and a small lock table for scheduled jobs.

-- A recurring rule: MONTHLY_DAY (day_of_month) or WEEKLY (day_of_week 1=Mon..7=Sun), local times
-- (Asia/Shanghai). holiday_policy says what happens when the rule's date is not a working day:
-- KEEP (held anyway), SKIP (only on working days), NEXT_WORKING_DAY, PREVIOUS_WORKING_DAY.
CREATE TABLE reception_rule (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  station_id      BIGINT        NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  day_of_month    INT           NULL,
  day_of_week     INT           NULL,
  start_time      VARCHAR(5)    NOT NULL,           -- HH:mm
  end_time        VARCHAR(5)    NOT NULL,
  holiday_policy  VARCHAR(24)   NOT NULL,
  place           VARCHAR(200)  NULL,
  capacity        INT           NOT NULL,
  deputy_ids      VARCHAR(255)  NULL,               -- default on-duty deputies, comma list
  title           VARCHAR(64)   NULL,
  active          BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_rrule_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_rrule_station ON reception_rule (station_id, active);

-- One reception session. Generated ones are unique per (station, rule, nominal date) — the rule's own date
-- before a holiday move — so generation can run again and again. One-off sessions have no rule.
CREATE TABLE reception_session (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  station_id      BIGINT        NOT NULL,
  rule_id         BIGINT        NULL,
  nominal_date    DATE          NOT NULL,
  session_date    DATE          NOT NULL,
  starts_at       DATETIME(3)   NOT NULL,
  ends_at         DATETIME(3)   NOT NULL,
  place           VARCHAR(200)  NULL,
  title           VARCHAR(64)   NULL,
  capacity        INT           NOT NULL,
  booked          INT           NOT NULL DEFAULT 0,   -- open + checked-in bookings (atomic counter)
  walk_ins        INT           NOT NULL DEFAULT 0,   -- residents received without a booking
  status          VARCHAR(16)   NOT NULL,             -- SCHEDULED, CANCELLED
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_session_rule_date UNIQUE (station_id, rule_id, nominal_date),
  CONSTRAINT fk_session_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_session_rule FOREIGN KEY (rule_id) REFERENCES reception_rule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_session_station_start ON reception_session (station_id, starts_at);
CREATE INDEX ix_session_start ON reception_session (status, starts_at);

-- Deputies on duty at a session, and their check-in (进站履职). A deputy who comes without being on duty
-- is added with on_duty = FALSE.
CREATE TABLE reception_duty (
  session_id      BIGINT        NOT NULL,
  deputy_id       BIGINT        NOT NULL,
  on_duty         BOOLEAN       NOT NULL,
  checked_in_at   DATETIME(3)   NULL,
  checked_in_by   BIGINT        NULL,               -- staff account
  PRIMARY KEY (session_id, deputy_id),
  CONSTRAINT fk_duty_session FOREIGN KEY (session_id) REFERENCES reception_session (id),
  CONSTRAINT fk_duty_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_duty_deputy ON reception_duty (deputy_id, checked_in_at);

-- A resident's booking. Mobile like concerns: encrypted, masked, keyed hash. One per person per session.
CREATE TABLE reception_booking (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  session_id      BIGINT        NOT NULL,
  booking_code    VARCHAR(12)   NOT NULL,
  contact_name    VARCHAR(64)   NULL,
  mobile_enc      VARCHAR(255)  NULL,
  mobile_masked   VARCHAR(16)   NULL,
  mobile_hash     CHAR(64)      NULL,
  consent_at      DATETIME(3)   NULL,
  device_id       CHAR(64)      NOT NULL,
  status          VARCHAR(16)   NOT NULL,           -- BOOKED, CHECKED_IN, CANCELLED
  checked_in_at   DATETIME(3)   NULL,
  checked_in_by   BIGINT        NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_booking_code UNIQUE (booking_code),
  CONSTRAINT uq_booking_device UNIQUE (session_id, device_id),
  CONSTRAINT uq_booking_mobile UNIQUE (session_id, mobile_hash),
  CONSTRAINT fk_booking_session FOREIGN KEY (session_id) REFERENCES reception_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_booking_device ON reception_booking (device_id, status);
CREATE INDEX ix_booking_mobile ON reception_booking (mobile_hash, status);

-- Concerns taken in person at a session (channel RECEPTION_DAY).
CREATE TABLE reception_concern (
  session_id      BIGINT        NOT NULL,
  concern_id      BIGINT        NOT NULL,
  PRIMARY KEY (session_id, concern_id),
  CONSTRAINT fk_rconcern_session FOREIGN KEY (session_id) REFERENCES reception_session (id),
  CONSTRAINT fk_rconcern_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_rconcern_concern ON reception_concern (concern_id);

-- Activity plans (有计划): 座谈 SYMPOSIUM, 调研 SURVEY, 视察 INSPECTION, 讲座 LECTURE, 接待 RECEPTION.
CREATE TABLE activity_plan (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  station_id      BIGINT        NOT NULL,
  title           VARCHAR(100)  NOT NULL,
  content         TEXT          NULL,
  form            VARCHAR(16)   NOT NULL,
  starts_at       DATETIME(3)   NOT NULL,
  ends_at         DATETIME(3)   NULL,
  place           VARCHAR(200)  NULL,
  convener        VARCHAR(64)   NULL,
  participants    VARCHAR(500)  NULL,               -- free text (units, residents, …)
  status          VARCHAR(16)   NOT NULL,           -- DRAFT, PUBLISHED, CANCELLED
  published_at    DATETIME(3)   NULL,
  created_by      BIGINT        NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_plan_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_plan_station_start ON activity_plan (station_id, status, starts_at);

CREATE TABLE activity_participant (
  plan_id         BIGINT        NOT NULL,
  deputy_id       BIGINT        NOT NULL,
  PRIMARY KEY (plan_id, deputy_id),
  CONSTRAINT fk_participant_plan FOREIGN KEY (plan_id) REFERENCES activity_plan (id),
  CONSTRAINT fk_participant_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_participant_deputy ON activity_participant (deputy_id);

-- Performance archive points scheme of a region (the nearest scheme up the region tree applies).
CREATE TABLE points_scheme (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  region_id       BIGINT        NOT NULL,
  name            VARCHAR(100)  NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_points_scheme_region UNIQUE (region_id),
  CONSTRAINT fk_points_scheme_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE points_class (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  scheme_id       BIGINT        NOT NULL,
  name            VARCHAR(32)   NOT NULL,
  sort_order      INT           NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_points_class_scheme FOREIGN KEY (scheme_id) REFERENCES points_scheme (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_points_class_scheme ON points_class (scheme_id, sort_order);

CREATE TABLE points_item (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  class_id        BIGINT        NOT NULL,
  item_key        VARCHAR(32)   NOT NULL,           -- SESSIONS_ATTENDED, … or a manual item key
  label           VARCHAR(64)   NOT NULL,
  weight          DECIMAL(8,2)  NOT NULL,
  cap             DECIMAL(8,2)  NULL,               -- most points this item can give in a year
  sort_order      INT           NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_points_item_class FOREIGN KEY (class_id) REFERENCES points_class (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_points_item_class ON points_item (class_id, sort_order);

-- Items the system cannot count (training attended, suggestions written, …), entered by heads/admins.
CREATE TABLE archive_entry (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  deputy_id       BIGINT        NOT NULL,
  entry_year      INT           NOT NULL,
  item_key        VARCHAR(32)   NOT NULL,
  quantity        INT           NOT NULL,
  note            VARCHAR(200)  NULL,
  created_by      BIGINT        NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_archive_entry_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_archive_entry_deputy ON archive_entry (deputy_id, entry_year);

-- Scheduled jobs of this feature: one replica claims a job with a guarded UPDATE.
CREATE TABLE reception_job_lock (
  name            VARCHAR(64)   NOT NULL,
  locked_until    DATETIME(3)   NOT NULL,
  locked_by       VARCHAR(64)   NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO reception_job_lock (name, locked_until, locked_by) VALUES
  ('reception-reminders', '2000-01-01 00:00:00.000', NULL),
  ('reception-generate', '2000-01-01 00:00:00.000', NULL);
