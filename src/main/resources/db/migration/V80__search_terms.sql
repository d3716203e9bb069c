-- 码上联络 V80 (issue 22): staff search. Chinese has no spaces and MariaDB has no ngram parser, so the searchable
-- text of a concern (content, address, category, and the text of replies, department answers and resolutions) is
-- cut into its distinct 2-character terms (bigrams, cn.mashang.concern.search.Bigrams) and stored here, in the
-- same transaction as the write that changed the text (cn.mashang.concern.search.SearchIndex). A query intersects
-- the bigrams of q and verifies the candidates with LIKE (cn.mashang.concern.work.ConcernSearch). station_id,
-- region_id and created_at are copies of the concern's (they never change), so a scope's newest matches are one
-- walk of one index range per station or region. Rows are written with INSERT IGNORE (the primary key dedupes).
CREATE TABLE concern_term (
  concern_id  BIGINT       NOT NULL,
  term        VARCHAR(4)   NOT NULL,
  station_id  BIGINT       NOT NULL,
  region_id   BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (concern_id, term),
  CONSTRAINT fk_term_concern FOREIGN KEY (concern_id) REFERENCES concern (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_term_region ON concern_term (term, region_id, created_at, concern_id);
CREATE INDEX ix_term_station ON concern_term (term, station_id, created_at, concern_id);
