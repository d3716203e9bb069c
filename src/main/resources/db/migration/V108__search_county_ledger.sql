-- 码上联络 V108 (issue 22): county-scope search and the committee's ledger.
--
-- concern_term.county_id: the county (区县) the concern lies in — the COUNTY-level ancestor of its region, or the
-- region itself when that lies above county level (a city-level station). A county admin's search is then one walk
-- of ix_term_county newest first (it was one sub-query per township); a city admin's one per county
-- (cn.mashang.concern.work.SearchSql). Written by cn.mashang.concern.search.SearchIndex with the other copies.
ALTER TABLE concern_term ADD COLUMN county_id BIGINT NULL;
-- rows indexed before V108 (the region subquery is evaluated once per region: MariaDB's subquery cache)
UPDATE concern_term SET county_id = (SELECT k.id FROM region r JOIN region k
    ON k.level = 'COUNTY' AND r.path LIKE CONCAT(k.path, '%') WHERE r.id = concern_term.region_id);
UPDATE concern_term SET county_id = region_id WHERE county_id IS NULL;
CREATE INDEX ix_term_county ON concern_term (term, county_id, created_at, concern_id);

-- The ledger (cn.mashang.ledger) walks a region's concerns of a period in (created_at, id) order, a page at a time:
-- the index is in exactly that order (id named, not only appended, so no engine sorts), and region_id in it lets the
-- walk skip other regions' rows without reading them.
CREATE INDEX ix_concern_created_region ON concern (created_at, id, region_id);
