//! The first run: an empty profile shows the three-step checklist, and each step ticks itself
//! as the user saves an app, adds a channel and checks.

use crate::support;

use std::sync::Arc;

use chrono::Utc;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::gui::*;
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::platform::browser::RecordingBrowser;
use tokenwarden::gui::platform::clipboard::MemoryClipboard;
use tokenwarden::gui::{DesktopOptions, GuiOptions, Startup, TokenwardenApp};
use tokenwarden::service::Service;
use tokenwarden::sim::scenario::{ACME_APP_ID, ACME_APP_NAME, ACME_APP_SECRET};
use tokenwarden::sim::{Scenario, Simulator};
use tokenwarden::store::{Profile, SecretBackend, Store};

/// The window on an empty profile whose Graph is `base_url`, once it has read the profile.
fn empty_window(
    profile: Profile,
    base_url: &str,
    options: GuiOptions,
    theme: Option<egui::Theme>,
) -> App {
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    let graph = GraphConfig::default().with_base_url(base_url).unwrap();
    let service = Arc::new(Service::new(store, graph).unwrap());
    let builder = Harness::builder()
        .with_size([1200.0, 760.0])
        .with_max_steps(MAX_STEPS);
    let builder = match theme {
        Some(theme) => builder.with_theme(theme).wgpu(),
        None => builder,
    };
    let mut h = builder.build_eframe(move |cc| {
        TokenwardenApp::with_desktop(
            cc,
            Startup::Service(service),
            options,
            DesktopOptions::quiet(),
        )
    });
    step_until(&mut h, "the empty profile to open", |h| {
        h.state().state().is_open() && h.state().state().catalog_seen
    });
    h
}

fn ticks(h: &App) -> (usize, usize) {
    (
        h.query_all_by_label("Done").count(),
        h.query_all_by_label("To do").count(),
    )
}

#[test]
fn an_empty_profile_shows_the_checklist_that_ticks_itself_step_by_step() {
    let sim = Simulator::start_background(Scenario::demo()).expect("the simulator starts");
    let (profile, _dir) = fixed_profile(Vec::new(), Vec::new());
    let browser = RecordingBrowser::default();
    let options = GuiOptions {
        clock: Arc::new(Utc::now),
        browser: Box::new(browser.clone()),
        clipboard: Box::new(MemoryClipboard::default()),
    };
    let mut h = empty_window(profile, &sim.base_url(), options, None);
    assert!(has_label(&h, "Getting started"), "{}", shown(&h));
    assert!(has_label(&h, "1. Your Meta app"));
    assert!(
        has_text(&h, "App settings > Basic"),
        "where the id and secret are"
    );
    assert_eq!(ticks(&h), (0, 3));

    // Step 1: the portal's app list, then the Apps page to save the app.
    press(&mut h, "Open your apps on Meta");
    assert_eq!(
        browser.urls(),
        vec!["https://developers.facebook.com/apps/"]
    );
    press(&mut h, "Save the app here…");
    paste(&mut h, "App id", ACME_APP_ID);
    paste(&mut h, "Name", ACME_APP_NAME);
    paste(&mut h, "App secret", ACME_APP_SECRET);
    press(&mut h, "Save app");
    step_until(&mut h, "the saved app", |h| has_text(h, "is saved."));
    press(&mut h, "Channels");
    assert_eq!(ticks(&h), (1, 2), "{}", shown(&h));

    // Step 2: a channel, through the Add dialog.
    press(&mut h, "Add the first channel…");
    paste(&mut h, "Name", "Acme Shoes");
    if h.query_by_label("Acme Support (1000000000001)").is_none() {
        h.get_by_role_and_label(Role::ComboBox, "App").click();
        h.run_ok();
        h.get_by_label("Acme Support (1000000000001)").click();
        h.run_ok();
    }
    paste(&mut h, "Token", &sim.control().token("shoes_messenger"));
    press(&mut h, "Validate");
    step_until(&mut h, "the token's facts", |h| {
        has_label(h, "Acme Shoes (500001)")
    });
    press(&mut h, "Save channel");
    step_until(&mut h, "the new row", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_some()
    });
    assert_eq!(ticks(&h), (2, 1), "{}", shown(&h));
    assert!(!has_text(&h, "All set"));

    // Step 3: the check; then the list can go.
    press(&mut h, "Check the tokens now");
    step_until(&mut h, "the check", |h| ticks(h) == (3, 0));
    assert!(has_text(&h, "All set"));
    press(&mut h, "Hide this list");
    assert!(!has_label(&h, "Getting started"));
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_some()
    );
}

#[test]
fn a_profile_with_channels_shows_no_checklist() {
    let env = Env::new(&[(
        "Acme Shoes",
        "shoes_messenger",
        tokenwarden::sim::scenario::SHOES_PAGE_ID,
    )]);
    let h = env.loaded_window([1200.0, 760.0]);
    assert!(!has_label(&h, "Getting started"));
}

fn first_run_snapshot(theme: egui::Theme, name: &str) {
    let (profile, _dir) = fixed_profile(Vec::new(), Vec::new());
    // Nothing is asked of Graph on an empty profile: no simulator needed.
    let mut h = empty_window(
        profile,
        "http://127.0.0.1:9/",
        pinned_options(),
        Some(theme),
    );
    snapshot(&mut h, name);
}

#[test]
fn first_run_snapshot_light() {
    first_run_snapshot(egui::Theme::Light, "first_run_light");
}

#[test]
fn first_run_snapshot_dark() {
    first_run_snapshot(egui::Theme::Dark, "first_run_dark");
}
