-- 码上联络 V103: the deputy's "assigned to me" queue branch (assignee, state, newest first, within the caller's
-- stations) is answered from the index alone: station_id joins the key, so the station filter no longer reads each
-- row. Same number of secondary indexes (it replaces ix_concern_assignee_queue; created first: the foreign key on
-- assignee_deputy_id always has an index).
CREATE INDEX ix_concern_assignee_station ON concern (assignee_deputy_id, state, created_at, station_id);
DROP INDEX ix_concern_assignee_queue ON concern;
