//! Fail-closed tests: profile.
