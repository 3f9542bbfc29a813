-- The history's package filter also finds operations that installed the package as a dependency (one of their steps).
CREATE INDEX step_by_package ON step (package, operation_id);
