//! The real `tokenwarden` binary, as a support person runs it: against the Graph simulator over
//! loopback, with real profile folders and the real age vault. One test binary for all of it,
//! so CI links it once.

#[path = "../support/mod.rs"]
mod support;

mod backup;
mod commands;
mod fail_closed;
mod history;
mod import;
mod login;
mod words;
