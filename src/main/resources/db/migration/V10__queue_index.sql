-- 码上联络 V10: a deputy's to-do queue without sorting a station's open concerns.
-- The queue is "assigned to me, or unassigned and addressed to nobody or to me", newest first, per station and
-- state (ConcernQueues builds one ORDER BY created_at … LIMIT n branch each). The unassigned branches walk this
-- index in order: station, assignee (NULL), addressee (NULL or me), state, then created_at. Without it a busy
-- industry station's thousands of open rows were read and sorted for every page.
CREATE INDEX ix_concern_station_unassigned ON concern (station_id, assignee_deputy_id, deputy_id, state, created_at);
