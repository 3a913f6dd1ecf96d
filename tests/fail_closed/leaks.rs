//! Fail-closed tests: leaks.
