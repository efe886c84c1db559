-- Precept server schema, version 1: portable SQL (SQLite and PostgreSQL).

-- The decision log: one row per ruling served, chained by hash in seq order.
CREATE TABLE decisions (
  seq BIGINT PRIMARY KEY,
  decision_id VARCHAR(64) NOT NULL UNIQUE,
  recorded_at VARCHAR(40) NOT NULL,
  policy_id VARCHAR(200) NOT NULL,
  edition_version VARCHAR(100) NOT NULL,
  edition_digest VARCHAR(80) NOT NULL,
  draft INTEGER NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  roles TEXT NOT NULL,
  person_ref VARCHAR(100),
  api_key_id VARCHAR(40) NOT NULL,
  incident TEXT NOT NULL,
  ruling TEXT NOT NULL,
  prev_hash VARCHAR(80) NOT NULL,
  hash VARCHAR(80) NOT NULL
);
CREATE INDEX decisions_by_policy ON decisions (policy_id, seq);
CREATE INDEX decisions_by_person ON decisions (person_ref);
CREATE INDEX decisions_by_time ON decisions (recorded_at);

-- The head of the chain: appends lock this row, so instances sharing a database append in one order.
CREATE TABLE log_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash VARCHAR(80) NOT NULL
);
INSERT INTO log_head (id, seq, hash) VALUES (1, 0, 'genesis');

CREATE TABLE api_keys (
  id VARCHAR(40) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  scopes VARCHAR(200) NOT NULL,
  secret_hash VARCHAR(80) NOT NULL,
  created_at VARCHAR(40) NOT NULL,
  revoked_at VARCHAR(40)
);

CREATE TABLE people (
  id VARCHAR(200) PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  roles TEXT NOT NULL,
  academy TEXT NOT NULL,
  updated_at VARCHAR(40) NOT NULL
);

CREATE TABLE acknowledgements (
  id VARCHAR(64) PRIMARY KEY,
  person_id VARCHAR(200) NOT NULL,
  policy_id VARCHAR(200) NOT NULL,
  edition_version VARCHAR(100) NOT NULL,
  edition_digest VARCHAR(80) NOT NULL,
  acknowledged_at VARCHAR(40) NOT NULL,
  via VARCHAR(100) NOT NULL
);
CREATE INDEX acknowledgements_by_person ON acknowledgements (policy_id, person_id);

-- Personal acknowledgement links that have been used (each works once).
CREATE TABLE used_links (
  token_hash VARCHAR(80) PRIMARY KEY,
  used_at VARCHAR(40) NOT NULL
);

-- Server secrets kept with the data (the key that signs acknowledgement links).
CREATE TABLE secrets (
  name VARCHAR(100) PRIMARY KEY,
  secret VARCHAR(200) NOT NULL
);
