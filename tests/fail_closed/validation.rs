//! Fail-closed tests: validation.
