-- Schema version 2: events indexed by type and time span together, so that finding the
-- events a new report may join reads only events of its type whose span reaches its days,
-- however large the record. kind = the event type's code (see sqlite.rs, type_code);
-- t0, t1 = first and last day as days since 1970-01-01 (exact in the R*Tree's floats).
CREATE VIRTUAL TABLE events_time USING rtree(id, kind0, kind1, t0, t1);
