-- Vigil users and audit trail (org.vigil.server.auth), one file for SQLite and PostgreSQL like the
-- recorder's schema (portable types only). Numbered 50 so the recorder's own migrations (V1..V49)
-- keep their order.

-- Who may sign in. password_hash is an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash);
-- the password itself is never stored. disabled: 0 or 1 (SMALLINT: portable, unlike BOOLEAN in SQLite).
CREATE TABLE vigil_user (
  username                   VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash              VARCHAR(256) NOT NULL,
  role                       VARCHAR(16)  NOT NULL,
  disabled                   SMALLINT     NOT NULL,
  created_at_millis          BIGINT       NOT NULL,
  password_changed_at_millis BIGINT       NOT NULL
);

-- The audit trail: append-only. The product only ever INSERTs and SELECTs here (org.vigil.server.auth.Audit);
-- the recorder's retention only deletes from the event table, never from this one. Each row carries the
-- SHA-256 of its content chained to the previous row (row_hash), so an edit or deletion made outside the
-- product (by hand in the database) is detected by Audit.verify().
CREATE TABLE audit_log (
  seq               BIGINT       NOT NULL PRIMARY KEY,
  wall_time_millis  BIGINT       NOT NULL,
  data_time_nanos   BIGINT,
  actor_user        VARCHAR(128) NOT NULL,
  actor_role        VARCHAR(32),
  actor_address     VARCHAR(256),
  action            VARCHAR(64)  NOT NULL,
  target            VARCHAR(256),
  detail            TEXT,
  outcome           VARCHAR(16)  NOT NULL,
  row_hash          VARCHAR(64)  NOT NULL
);

CREATE INDEX audit_by_time ON audit_log (wall_time_millis, seq);
CREATE INDEX audit_by_user ON audit_log (actor_user, seq);
