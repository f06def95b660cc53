-- An escalation's latest cluster (the investigation engine's cluster dimension, the escalation page)
-- is found by escalation; the primary key leads with the run.
create index cluster_assignment_by_escalation on cluster_assignment (escalation_id);
