-- 码上联络 V90 (issue 24): 代表建议 built from concerns, handled by units (承办单位), rated by the deputy.

-- 1. A suggestion (代表建议): drafted by a deputy (and joint deputies) from concerns, registered by the committee
--    (number), assigned to a lead unit and co-units with a reply deadline, replied, rated. state: SUBMITTED,
--    REGISTERED, ASSIGNED, REPLIED, CLOSED (cn.mashang.suggestion.SuggestionStateMachine). round: 1, or 2 during the
--    second handling after 不满意.
CREATE TABLE suggestion (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  region_id          BIGINT        NOT NULL,
  author_deputy_id   BIGINT        NOT NULL,
  title              VARCHAR(100)  NOT NULL,
  body               VARCHAR(8000) NOT NULL,
  session_name       VARCHAR(64)   NOT NULL,
  category           VARCHAR(32)   NOT NULL,
  state              VARCHAR(16)   NOT NULL,
  number             VARCHAR(32)   NULL,
  lead_department_id BIGINT        NULL,
  reply_due          DATETIME(3)   NULL,
  handling_round     INT           NOT NULL DEFAULT 1,
  rating             VARCHAR(32)   NULL,
  rated_at           DATETIME(3)   NULL,
  closed_at          DATETIME(3)   NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  created_by         BIGINT        NOT NULL,
  created_at         DATETIME(3)   NOT NULL,
  updated_at         DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_suggestion_number UNIQUE (region_id, number),
  CONSTRAINT fk_suggestion_region FOREIGN KEY (region_id) REFERENCES region (id),
  CONSTRAINT fk_suggestion_author FOREIGN KEY (author_deputy_id) REFERENCES deputy (id),
  CONSTRAINT fk_suggestion_lead FOREIGN KEY (lead_department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_suggestion_region ON suggestion (region_id, id);

-- 2. Its deputies: the author (is_author) and the joint deputies (联名).
CREATE TABLE suggestion_deputy (
  id            BIGINT   NOT NULL AUTO_INCREMENT,
  suggestion_id BIGINT   NOT NULL,
  deputy_id     BIGINT   NOT NULL,
  is_author     BOOLEAN  NOT NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  CONSTRAINT uq_suggestion_deputy UNIQUE (suggestion_id, deputy_id),
  CONSTRAINT fk_sd_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id),
  CONSTRAINT fk_sd_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sd_deputy ON suggestion_deputy (deputy_id, suggestion_id);

-- 3. The concerns it was drafted from (their residents see the link on the tracking page).
CREATE TABLE suggestion_concern (
  id            BIGINT NOT NULL AUTO_INCREMENT,
  suggestion_id BIGINT NOT NULL,
  concern_id    BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_suggestion_concern UNIQUE (suggestion_id, concern_id),
  CONSTRAINT fk_sc_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id),
  CONSTRAINT fk_sc_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sc_concern ON suggestion_concern (concern_id, suggestion_id);

-- 4. The handling units: one lead (is_lead, mirrored in suggestion.lead_department_id) and co-units (协办).
CREATE TABLE suggestion_unit (
  id            BIGINT  NOT NULL AUTO_INCREMENT,
  suggestion_id BIGINT  NOT NULL,
  department_id BIGINT  NOT NULL,
  is_lead       BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  CONSTRAINT uq_suggestion_unit UNIQUE (suggestion_id, department_id),
  CONSTRAINT fk_su_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id),
  CONSTRAINT fk_su_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_su_department ON suggestion_unit (department_id, suggestion_id);

-- 5. The timeline: SUBMITTED, REGISTERED, ASSIGNED, REPLIED, RATED, REOPENED (second handling); the reply text and
--    the rating are rows here (body, rating), per handling round.
CREATE TABLE suggestion_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  suggestion_id    BIGINT        NOT NULL,
  type             VARCHAR(16)   NOT NULL,
  handling_round   INT           NOT NULL,
  actor_account_id BIGINT        NULL,
  actor_role       VARCHAR(16)   NULL,
  department_id    BIGINT        NULL,
  rating           VARCHAR(32)   NULL,
  body             VARCHAR(4000) NULL,
  created_at       DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_se_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_se_suggestion ON suggestion_event (suggestion_id, id);
