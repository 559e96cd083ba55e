-- Plans, with every version kept; the event log, accepted and refused; per-item snapshots.

CREATE TABLE plans (
  id          text PRIMARY KEY,
  version     integer NOT NULL,
  plan        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plan_versions (
  plan_id     text NOT NULL REFERENCES plans (id),
  version     integer NOT NULL,
  plan        jsonb NOT NULL,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

-- `seq` is given only to accepted events, under the plan's advisory lock, so a plan's seqs
-- become visible in order; `n` is arrival order (for listing refusals), never shown.
CREATE TABLE events (
  plan_id     text NOT NULL REFERENCES plans (id),
  n           bigserial,
  seq         bigint,
  id          text NOT NULL,
  stream      text NOT NULL,
  type        text NOT NULL,
  data        jsonb NOT NULL,
  actor       jsonb NOT NULL,
  at          text NOT NULL,
  author      text NOT NULL,
  client_id   text,
  status      text NOT NULL CHECK (status IN ('accepted', 'refused')),
  reasons     jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, id),
  CHECK ((status = 'accepted') = (seq IS NOT NULL))
);

CREATE UNIQUE INDEX events_plan_seq ON events (plan_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX events_refused_by_author ON events (plan_id, author, n) WHERE status = 'refused';

CREATE TABLE snapshots (
  plan_id     text NOT NULL REFERENCES plans (id),
  stream      text NOT NULL,
  seq         bigint NOT NULL,
  snapshot    jsonb NOT NULL,
  PRIMARY KEY (plan_id, stream)
);
