-- 码上联络 V106: a reception rule can fall on the n-th weekday of every month (每月第一个周三, 每月最后一个周五):
-- kind MONTHLY_WEEKDAY with day_of_week (1=Mon..7=Sun) and week_of_month (1..4, or -1 for the last one).
-- MONTHLY_DAY and WEEKLY rules keep week_of_month NULL.
ALTER TABLE reception_rule ADD COLUMN week_of_month INT NULL;
