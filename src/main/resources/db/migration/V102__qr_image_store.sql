-- 码上联络 V102: rendered QR images are kept, so a cold scan (any replica, after any restart) reads bytes instead
-- of rendering. One row per (code, format, size class); url = the text encoded, so a changed public base URL is
-- re-rendered. Rows of a revoked code are deleted in the revocation's transaction (QrImageStore).
CREATE TABLE qr_image (
  code_id    BIGINT       NOT NULL,
  format     VARCHAR(3)   NOT NULL,
  size       INT          NOT NULL,
  url        VARCHAR(255) NOT NULL,
  bytes      MEDIUMBLOB   NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  CONSTRAINT pk_qr_image PRIMARY KEY (code_id, format, size),
  CONSTRAINT fk_qr_image_code FOREIGN KEY (code_id) REFERENCES contact_code (id)
);
