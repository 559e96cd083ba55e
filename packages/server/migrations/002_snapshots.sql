-- Per-item snapshots for a fast start: each made under one version of the plan (another
-- version rebuilds them from events), ending at the item's event with seq `seq`.
ALTER TABLE snapshots ADD COLUMN plan_version integer NOT NULL DEFAULT 0;

-- At start each snapshot is checked against its item's count of accepted events and last
-- seq: with this index that count reads the index only, not the events.
CREATE INDEX events_accepted_by_stream ON events (plan_id, stream, seq) WHERE status = 'accepted';
