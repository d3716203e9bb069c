-- 码上联络 V11 (structure): one job lock table for every scheduled job, and the deadlines of a concern stored on it.

-- 1. The leases of sla_job_lock (V8) and reception_job_lock (V9) move into job_lock (V7); cn.mashang.common.JobLock
--    is the one class that claims them. Rows are also created on first use.
INSERT INTO job_lock (name, locked_until, locked_by)
  SELECT s.name, s.locked_until, s.locked_by FROM sla_job_lock s
  WHERE NOT EXISTS (SELECT 1 FROM job_lock j WHERE j.name = s.name);
INSERT INTO job_lock (name, locked_until, locked_by)
  SELECT r.name, r.locked_until, r.locked_by FROM reception_job_lock r
  WHERE NOT EXISTS (SELECT 1 FROM job_lock j WHERE j.name = r.name);
DROP TABLE sla_job_lock;
DROP TABLE reception_job_lock;

-- 2. Deadlines (cn.mashang.concern.Deadlines computes them; every write of the life cycle stores them; a change of
--    SLA rule or calendar refreshes them). department_deadline (V4) already is one. NULL on rows written before
--    V11 until DeadlineRefresh has filled them (readers compute the same value meanwhile).
ALTER TABLE concern ADD COLUMN first_response_due DATETIME(3) NULL;
ALTER TABLE concern ADD COLUMN resolution_due DATETIME(3) NULL;
ALTER TABLE concern ADD COLUMN feedback_due DATETIME(3) NULL;
-- auto-close walks only RESOLVED concerns whose feedback window has passed
CREATE INDEX ix_concern_feedback_due ON concern (state, feedback_due);
