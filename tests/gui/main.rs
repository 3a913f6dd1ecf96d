//! The desktop window, driven by its labels the way a user would (egui_kittest, headless wgpu):
//! against the Graph simulator, and on fixed catalogs with a pinned clock for the snapshots in
//! `tests/snapshots/`. One test binary for all of it, so CI links eframe and wgpu once.

#[path = "../support/mod.rs"]
mod support;

mod desktop;
mod failures;
mod first_run;
mod login;
mod spanish;
mod spanish_dialogs;
mod team;
mod window;
