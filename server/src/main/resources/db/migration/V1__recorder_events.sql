-- Vigil recorder schema, one file for SQLite and PostgreSQL (only portable types: BIGINT,
-- VARCHAR, TEXT; no vendor defaults, sequences or triggers). Sequence numbers are assigned by the
-- single writer (org.vigil.server.store.EventStore) and persisted in recorder_state in the same
-- transaction as the events, so they survive retention deleting every event row.

CREATE TABLE recorder_state (
  name  VARCHAR(64) NOT NULL PRIMARY KEY,
  value BIGINT      NOT NULL
);

INSERT INTO recorder_state (name, value) VALUES ('event_seq', 0);

CREATE TABLE event (
  seq                BIGINT       NOT NULL PRIMARY KEY,
  event_type         VARCHAR(64)  NOT NULL,
  data_time_nanos    BIGINT       NOT NULL,
  track_number       BIGINT,
  payload            TEXT         NOT NULL,
  actor_user         VARCHAR(128),
  actor_role         VARCHAR(32),
  actor_address      VARCHAR(256),
  recorded_at_millis BIGINT       NOT NULL
);

CREATE INDEX event_by_time  ON event (data_time_nanos, seq);
CREATE INDEX event_by_type  ON event (event_type, data_time_nanos);
CREATE INDEX event_by_track ON event (track_number, data_time_nanos);
