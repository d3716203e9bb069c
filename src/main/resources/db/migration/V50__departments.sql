-- 码上联络 V50 (issue 18): department accounts, the referral (交办) as a row per referral, sign-for deadline.

-- 1. A DEPARTMENT account is scoped to one department (admins of the department's region manage it).
ALTER TABLE staff_account ADD COLUMN department_id BIGINT NULL;
ALTER TABLE staff_account ADD CONSTRAINT fk_account_department FOREIGN KEY (department_id) REFERENCES department (id);
CREATE INDEX ix_account_department ON staff_account (department_id);

-- 2. The current referral's sign-for (签收) clock, stored on the concern like the other deadlines (cn.mashang.concern
--    .Deadlines / Overdue segment SIGN): sign_due is set by refer, signed_at by the department's sign.
ALTER TABLE concern ADD COLUMN sign_due DATETIME(3) NULL;
ALTER TABLE concern ADD COLUMN signed_at DATETIME(3) NULL;

-- 3. One row per referral of a concern to a department: the department's inbox, its view, the history of
--    re-referrals and the department figures. status: OPEN (the department holds the case), ANSWERED, RETURNED,
--    WITHDRAWN (the station resolved or merged it while it was at the department).
CREATE TABLE referral (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  concern_id       BIGINT        NOT NULL,
  department_id    BIGINT        NOT NULL,
  station_id       BIGINT        NOT NULL,
  region_id        BIGINT        NOT NULL,
  referred_by      BIGINT        NULL,
  referred_at      DATETIME(3)   NOT NULL,
  share_contact    BOOLEAN       NOT NULL DEFAULT FALSE,
  sign_due         DATETIME(3)   NOT NULL,
  signed_at        DATETIME(3)   NULL,
  deadline         DATETIME(3)   NOT NULL,   -- mirrors concern.department_deadline while OPEN
  extensions       INT           NOT NULL DEFAULT 0,
  status           VARCHAR(16)   NOT NULL,
  ended_at         DATETIME(3)   NULL,
  proposed_outcome VARCHAR(32)   NULL,
  return_reason    VARCHAR(1000) NULL,
  legal_basis      VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_referral_concern FOREIGN KEY (concern_id) REFERENCES concern (id),
  CONSTRAINT fk_referral_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_referral_department ON referral (department_id, status, id);
CREATE INDEX ix_referral_concern ON referral (concern_id, id);
CREATE INDEX ix_referral_open ON referral (status, id);

-- 4. Automatic supervision steps, each once per referral, clock, step and deadline (催办 the working day after a
--    missed sign-for or answer deadline, 通报 to the committee N working days later): the unique key makes a step
--    happen once however many runs or replicas see it.
CREATE TABLE referral_notice (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  referral_id  BIGINT       NOT NULL,
  concern_id   BIGINT       NOT NULL,
  segment      VARCHAR(16)  NOT NULL,   -- SIGN, DEPARTMENT
  step         VARCHAR(16)  NOT NULL,   -- URGE, REPORT
  deadline     DATETIME(3)  NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_referral_notice UNIQUE (referral_id, segment, step, deadline),
  CONSTRAINT fk_notice_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
