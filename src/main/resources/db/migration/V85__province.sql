-- 码上联络 V85: a PROVINCE level above cities (region.level is a VARCHAR: the level itself needs no DDL).
-- A deployment that already holds a city tree (its root a CITY) gets 山西省 as the parent of that city, and
-- every materialised path below is prefixed with the province's id, so "region and below" stays one prefix
-- (a concern's region_id does not change). A fresh database is left empty: the demo loader or the bootstrap
-- admin creates the tree. Runs on MySQL 8, MariaDB and H2 (MySQL mode); the inner derived tables with an
-- aggregate are materialised, which MySQL needs to read the table an UPDATE writes.

INSERT INTO region (parent_id, name, level, division_code, path, sort_order, active, created_at, updated_at)
SELECT NULL, '山西省', 'PROVINCE', '140000', '/', 0, TRUE, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3)
  FROM (SELECT COUNT(*) AS n FROM region WHERE parent_id IS NULL AND level = 'CITY') c
 WHERE c.n > 0 AND NOT EXISTS (SELECT 1 FROM region WHERE level = 'PROVINCE');

UPDATE region SET path = CONCAT('/', id, '/') WHERE level = 'PROVINCE' AND parent_id IS NULL AND path = '/';

UPDATE region SET path = CONCAT((SELECT p.prefix FROM (SELECT CONCAT('/', MAX(id)) AS prefix FROM region
                                  WHERE level = 'PROVINCE' AND parent_id IS NULL) p), path)
 WHERE level <> 'PROVINCE'
   AND EXISTS (SELECT 1 FROM (SELECT COUNT(*) AS n FROM region WHERE level = 'CITY' AND parent_id IS NULL) r WHERE r.n > 0);

UPDATE region SET parent_id = (SELECT p.id FROM (SELECT MAX(id) AS id FROM region
                                WHERE level = 'PROVINCE' AND parent_id IS NULL) p)
 WHERE level = 'CITY' AND parent_id IS NULL;
