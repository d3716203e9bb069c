-- 码上联络 V112 (issue 21): the referral supervision job walks an index range instead of every open referral.
-- supervise_at = the moment the next automatic step (催办 / 通报) of an open referral can fall due, as computed by
-- SupervisionJob at its last look; '9999-12-31' when no step is left for the current deadlines; NULL = look now
-- (a new referral, rows before V112, bulk loads). Every write of a referral's deadlines (sign-for, a moved
-- deadline) sets it to NULL in the same statement, a rule or calendar change sets it to NULL on every open referral.
-- A run reads only status = 'OPEN' AND (supervise_at IS NULL OR supervise_at <= now).
ALTER TABLE referral ADD COLUMN supervise_at DATETIME(3) NULL;
CREATE INDEX ix_referral_supervise ON referral (status, supervise_at, id);
