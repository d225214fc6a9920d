-- Schema version 3: events indexed by place and time together, so that a map's question
-- "what happened in this box during these weeks" reads only the events inside both, however
-- large the record. It replaces the place-only index of version 1.
-- min/max_lon, min/max_lat = the event's point; t0, t1 = first and last day as days since
-- 1970-01-01 (as in events_time). Events without coordinates are not in it.
CREATE VIRTUAL TABLE events_space_time USING rtree(id, min_lon, max_lon, min_lat, max_lat, t0, t1);
INSERT INTO events_space_time (id, min_lon, max_lon, min_lat, max_lat, t0, t1)
    SELECT e.seq, e.lon, e.lon, e.lat, e.lat, t.t0, t.t1
    FROM events e JOIN events_time t ON t.id = e.seq
    WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL;
DROP TABLE events_rtree;
