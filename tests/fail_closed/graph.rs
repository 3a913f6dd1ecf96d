//! Fail-closed tests: graph.
