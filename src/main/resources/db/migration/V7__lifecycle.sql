-- 码上联络 V7: life cycle. The concern table (V4) already carries every life-cycle column; this adds the lock
-- rows scheduled jobs take so that only one replica runs each (cn.mashang.common.JobLock).
CREATE TABLE job_lock (
  name          VARCHAR(64)  NOT NULL,
  locked_until  DATETIME(3)  NOT NULL,
  locked_by     VARCHAR(64)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO job_lock (name, locked_until, locked_by) VALUES ('concern-auto-close', '2000-01-01 00:00:00.000', NULL);
