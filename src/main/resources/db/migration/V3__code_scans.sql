-- 码上联络 V3 (issue 4, QR codes): scan counters and revocation history of contact codes.

-- Scans per code per day (Asia/Shanghai calendar day). No IP, user agent or any personal data:
-- only a counter, upserted in batches by the replica that served the scans.
CREATE TABLE code_scan_day (
  code_id     BIGINT      NOT NULL,
  scan_day    DATE        NOT NULL,
  scans       BIGINT      NOT NULL DEFAULT 0,
  updated_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (code_id, scan_day),
  CONSTRAINT fk_scan_code FOREIGN KEY (code_id) REFERENCES contact_code (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Why and by whom a code was revoked, and which code replaced it (null when none was issued,
-- e.g. the deputy left the station).
CREATE TABLE code_revocation (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  code_id             BIGINT       NOT NULL,
  reason              VARCHAR(255) NOT NULL,
  revoked_by          VARCHAR(64)  NULL,        -- staff account name (subject of the token)
  replacement_code_id BIGINT       NULL,
  created_at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_revocation_code UNIQUE (code_id),
  CONSTRAINT fk_revocation_code FOREIGN KEY (code_id) REFERENCES contact_code (id),
  CONSTRAINT fk_revocation_replacement FOREIGN KEY (replacement_code_id) REFERENCES contact_code (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_revocation_replacement ON code_revocation (replacement_code_id);
