//! Graph API simulator (axum): stands in for Meta in tests, the demo and benchmarks.
