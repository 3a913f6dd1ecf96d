//! Fail-closed tests: process.
