//! Tokenwarden: keeps the access tokens of social-media channels alive.
//!
//! Flow: GUI/CLI → `service` → (`graph`, `store`) → `model`. The model is pure; `graph` talks to
//! Meta (or the simulator in `sim`), `store` keeps the catalog and the secrets.

pub mod graph;
pub mod model;
pub mod sim;
pub mod store;

pub mod cli;
pub mod env;
pub mod gui;
pub mod logging;
pub mod process;
pub mod service;
pub mod words;

// Test-only: fails when an import cycle appears between modules of src/ (issue 12).
#[cfg(test)]
mod module_graph;
