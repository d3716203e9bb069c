-- 码上联络 V111 (issue 24): station standards (联络站规范化建设, 五有 / 十有). A checklist per region — the nearest
-- region on a station's path with active items wins, region_id NULL is the deployment's default — that a station
-- head fills with evidence per year and the committee reviews item by item (docs/standards.md).
CREATE TABLE standard_item (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  region_id   BIGINT        NULL,                 -- NULL: the deployment's default checklist
  name        VARCHAR(32)   NOT NULL,
  hint        VARCHAR(200)  NULL,                 -- what counts as evidence
  sort_order  INT           NOT NULL,
  active      BOOLEAN       NOT NULL DEFAULT TRUE, -- FALSE: retired; its evidence stays
  created_at  DATETIME(3)   NOT NULL,
  retired_at  DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_standard_item_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_standard_item_region ON standard_item (region_id, active, sort_order);

-- The version of a region's own checklist (a PUT names it; a stale one answers 409).
CREATE TABLE standard_checklist (
  region_id   BIGINT        NOT NULL,
  version     BIGINT        NOT NULL,
  updated_by  BIGINT        NULL,
  updated_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (region_id),
  CONSTRAINT fk_standard_checklist_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One station's evidence for one item in one review year; no row = 未填.
CREATE TABLE standard_entry (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  station_id    BIGINT        NOT NULL,
  item_id       BIGINT        NOT NULL,
  review_year   INT           NOT NULL,
  state         VARCHAR(16)   NOT NULL,           -- PENDING 待审核, PASSED 通过, RETURNED 退回
  evidence      VARCHAR(2000) NULL,
  photo_name    VARCHAR(80)   NULL,               -- PhotoStore name of the photo (taken over from concern_photo)
  version       BIGINT        NOT NULL,
  submitted_by  BIGINT        NULL,
  submitted_at  DATETIME(3)   NOT NULL,
  reviewed_by   BIGINT        NULL,
  reviewed_at   DATETIME(3)   NULL,
  review_note   VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_standard_entry UNIQUE (station_id, item_id, review_year),
  CONSTRAINT fk_standard_entry_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_standard_entry_item FOREIGN KEY (item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_standard_entry_year ON standard_entry (review_year, station_id);

-- Every submission and review of an entry (immutable).
CREATE TABLE standard_event (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  entry_id          BIGINT        NOT NULL,
  from_state        VARCHAR(16)   NOT NULL,       -- EMPTY for the first submission
  to_state          VARCHAR(16)   NOT NULL,
  actor_account_id  BIGINT        NULL,
  note              VARCHAR(500)  NULL,
  created_at        DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_standard_event_entry FOREIGN KEY (entry_id) REFERENCES standard_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_standard_event_entry ON standard_event (entry_id, id);

-- The default: 吕梁's "五有" standard for its liaison stations (seed 000).
INSERT INTO standard_item (region_id, name, hint, sort_order, active, created_at) VALUES
  (NULL, '有场所', '固定用房满足代表集体活动，一般不少于30平方米，统一名称标牌，配备办公设备', 1, TRUE, '2026-01-01 00:00:00.000'),
  (NULL, '有人员', '设站长1人，由市、县人大代表担任；联络员2至3名', 2, TRUE, '2026-01-01 00:00:00.000'),
  (NULL, '有制度', '明确工作职责、工作程序；每次活动有记录，资料归档管理', 3, TRUE, '2026-01-01 00:00:00.000'),
  (NULL, '有计划', '每次活动有计划，公开活动的时间、内容、形式、召集人', 4, TRUE, '2026-01-01 00:00:00.000'),
  (NULL, '有落实', '纳入重要议事日程，及时向人大常委会汇报，争取设施、活动、人员保障', 5, TRUE, '2026-01-01 00:00:00.000');
