-- 码上联络 V101: the overdue job walks an index range instead of every open concern.
-- sla_check_at = the earliest moment a clock of the concern can change colour or escalation level (amber, red,
-- admin red), as computed by OverdueJob at its last look; '9999-12-31' when no clock runs; NULL = not looked at
-- yet (rows before V101, bulk loads). Every concern event sets it to the event's time (SlaCheckMarks, same
-- transaction), a rule or calendar refresh to NULL. A pass reads only sla_check_at IS NULL OR <= now.
ALTER TABLE concern ADD COLUMN sla_check_at DATETIME(3) NULL;
CREATE INDEX ix_concern_sla_check ON concern (sla_check_at);
