//! The window in Spanish (issue 11): the language setting applies at once and is remembered,
//! every time shown is this computer's local time, and the main screens and dialogs fit at
//! 1000×700 in Spanish, light and dark (`es_*.png` in `tests/snapshots/`).
//!
//! Each test speaks on its own thread (`words::set_thread_lang`), so the English tests running
//! beside these keep their English window.

use crate::support;

use std::sync::Arc;

use chrono::Duration;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::gui::*;
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::platform::dialogs::QueuedDialogs;
use tokenwarden::gui::{DesktopOptions, Startup, TokenwardenApp};
use tokenwarden::model::MetaApp;
use tokenwarden::service::Service;
use tokenwarden::sim::scenario::{ACME_APP_ID, ACME_APP_NAME};
use tokenwarden::store::{Profile, SecretBackend, Store};
use tokenwarden::words::{self, Lang};

/// The Spanish words of message `id`, as the window shows them.
fn es(id: &str) -> String {
    words::with_lang(Lang::Es, || words::t(id))
}

/// Whether some label is exactly `label` (a page's tab and its heading may both be).
fn shows(h: &App, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

/// Checks that no word is cut or covered, then takes the snapshot.
fn look(h: &mut App, name: &str) {
    h.run_ok();
    assert_words_fit(h);
    snapshot(h, name);
}

fn at_1000_by_700(h: &mut App) {
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run_ok();
}

/// Files are asked through `dialogs`.
fn desktop(dialogs: &QueuedDialogs) -> DesktopOptions {
    DesktopOptions {
        notifier: None,
        files: Box::new(dialogs.clone()),
    }
}

/// The fixed catalog's window in Spanish: this thread speaks Spanish, so the window's "System
/// language" is Spanish.
fn spanish_window(theme: egui::Theme, dialogs: &QueuedDialogs) -> (App, tempfile::TempDir) {
    words::set_thread_lang(Some(Lang::Es));
    let (mut h, dir) = fixed_window(theme, desktop(dialogs));
    at_1000_by_700(&mut h);
    (h, dir)
}

fn main_screens_in(theme: egui::Theme, suffix: &str) {
    let dialogs = QueuedDialogs::default();
    let (mut h, dir) = spanish_window(theme, &dialogs);
    look(&mut h, &format!("es_list_{suffix}"));

    select(&mut h, "Acme Travel");
    look(&mut h, &format!("es_details_{suffix}"));

    press(&mut h, &es("details-guide"));
    look(&mut h, &format!("es_guide_{suffix}"));
    h.key_press(egui::Key::Escape);
    h.run_ok();

    press(&mut h, &es("page-apps"));
    look(&mut h, &format!("es_apps_{suffix}"));

    press(&mut h, &es("page-settings"));
    look(&mut h, &format!("es_settings_{suffix}"));

    // A report someone sent: the same fixed channels.
    let path = write_report(dir.path(), fixture());
    dialogs.answer(&path);
    press(&mut h, &es("settings-open-report"));
    step_until(&mut h, "the report", |h| has_label(h, &es("report-close")));
    select(&mut h, "Acme Travel");
    look(&mut h, &format!("es_report_{suffix}"));
}

#[test]
fn spanish_main_screens_light() {
    main_screens_in(egui::Theme::Light, "light");
}

#[test]
fn spanish_main_screens_dark() {
    main_screens_in(egui::Theme::Dark, "dark");
}

/// The dialogs the English snapshots open, opened by their (Spanish) buttons. Their own words
/// are translated in `dialogs.ftl`; here they only have to fit.
fn dialogs_in(theme: egui::Theme, suffix: &str) {
    let (mut h, _dir) = spanish_window(theme, &QueuedDialogs::default());
    let close = |h: &mut App| {
        h.key_press(egui::Key::Escape);
        h.run_ok();
    };
    select(&mut h, "Acme Travel");
    // Renew and Add with their verdicts are pictured by `spanish_dialogs`; here they open from
    // their Spanish buttons and fit.
    press(&mut h, &es("remedy-renew"));
    assert_words_fit(&h);
    close(&mut h);

    press(&mut h, &es("top-add-channel"));
    assert_words_fit(&h);
    close(&mut h);

    select(&mut h, "Acme Shoes");
    press(&mut h, &es("details-remove"));
    look(&mut h, &format!("es_remove_channel_{suffix}"));
    close(&mut h);
    press(&mut h, &es("details-rename"));
    look(&mut h, &format!("es_rename_channel_{suffix}"));
    close(&mut h);

    press(&mut h, &es("page-apps"));
    press(&mut h, &es("apps-remove"));
    look(&mut h, &format!("es_remove_app_{suffix}"));
    close(&mut h);
}

#[test]
fn spanish_dialogs_light() {
    dialogs_in(egui::Theme::Light, "light");
}

#[test]
fn spanish_dialogs_dark() {
    dialogs_in(egui::Theme::Dark, "dark");
}

fn first_run_in(theme: egui::Theme, suffix: &str) {
    words::set_thread_lang(Some(Lang::Es));
    let (profile, _dir) = fixed_profile(Vec::new(), Vec::new());
    let mut h = pinned_window_until(
        profile,
        "http://127.0.0.1:9/",
        theme,
        DesktopOptions::quiet(),
        WAIT,
        |h| h.state().state().is_open() && h.state().state().catalog_seen,
    );
    at_1000_by_700(&mut h);
    assert!(has_label(&h, &es("first-run-title")), "{}", shown(&h));
    look(&mut h, &format!("es_first_run_{suffix}"));
}

#[test]
fn spanish_first_run_light() {
    first_run_in(egui::Theme::Light, "light");
}

#[test]
fn spanish_first_run_dark() {
    first_run_in(egui::Theme::Dark, "dark");
}

/// What eframe would keep in its file between runs.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// The window on `profile`, started from what `storage` kept (`None`: a first start).
fn window_on(profile: Profile, storage: Option<&'static MemoryStorage>) -> App {
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    let graph = GraphConfig::default()
        .with_base_url("http://127.0.0.1:9")
        .unwrap();
    let service = Arc::new(Service::new(store, graph).unwrap());
    let mut h = Harness::builder()
        .with_size([1200.0, 760.0])
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            if let Some(storage) = storage {
                cc.storage = Some(storage);
            }
            TokenwardenApp::with_desktop(
                cc,
                Startup::Service(service),
                pinned_options(),
                DesktopOptions::quiet(),
            )
        });
    step_until(&mut h, "the channels to load", |h| {
        !h.state().state().table.is_empty()
    });
    h
}

#[test]
fn the_language_setting_applies_at_once_and_is_kept_for_the_next_start() {
    // This thread speaks the process's language (English in tests): "System language".
    words::set_thread_lang(None);
    let acme = MetaApp {
        id: ACME_APP_ID.into(),
        name: ACME_APP_NAME.into(),
        client_token: None,
        has_secret: true,
    };
    let (profile, _dir) = fixed_profile(fixture(), vec![acme]);
    let mut h = window_on(profile.clone(), None);
    assert!(shows(&h, "Check all"), "{}", shown(&h));

    press(&mut h, "Settings");
    // Each language is named in its own words, whatever the window speaks.
    press(&mut h, "Español");
    // The next frame is Spanish: top bar, the settings page, and the list behind the tab.
    assert!(shows(&h, "Ajustes"), "{}", shown(&h));
    assert!(shows(&h, "Idioma"));
    assert!(shows(&h, "Idioma del sistema"));
    assert!(shows(&h, "Revisar todo"));
    assert!(!shows(&h, "Check all"));
    press(&mut h, "Canales");
    assert!(shows(&h, "Agregar canal…"));
    assert!(
        shows(
            &h,
            "1 no funciona, 2 necesitan atención, 1 sin revisar, 1 funciona"
        ),
        "{}",
        shown(&h)
    );
    assert!(shows(&h, "Buscar"), "{}", shown(&h));

    // What eframe saves when the window closes, with Spanish chosen.
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);

    press(&mut h, "Ajustes");
    press(&mut h, "English");
    assert!(shows(&h, "Settings"), "{}", shown(&h));
    assert!(shows(&h, "Check all"));
    assert!(!shows(&h, "Revisar todo"));
    drop(h);

    // A new start on the same profile, from the saved prefs: Spanish again, though this
    // thread (the system) speaks English.
    words::set_thread_lang(None);
    let storage: &'static MemoryStorage = Box::leak(Box::new(storage));
    let h = window_on(profile, Some(storage));
    assert!(shows(&h, "Revisar todo"), "{}", shown(&h));
    assert!(shows(&h, "Canales"));
}

/// Every time the details show is in the computer's zone, with the zone: here a zone pinned on
/// the window's thread (Bogotá, UTC-05:00), so the test reads the same on every machine.
#[test]
fn the_details_show_local_times_with_their_zone() {
    words::set_thread_lang(None);
    let dialogs = QueuedDialogs::default();
    let (mut h, _dir) = fixed_window(egui::Theme::Light, desktop(&dialogs));
    let bogota = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    words::time::set_thread_zone(Some(bogota));
    select(&mut h, "Acme Shoes");
    let now = pinned();
    // The fixture's Acme Shoes was checked 3 hours before the pinned clock (12:00 UTC).
    let checked = now - Duration::hours(3);
    let expected = format!("Checked: {}", words::time::when(Some(checked), now));
    assert_eq!(
        expected,
        "Checked: 2026-11-23 04:00 UTC-05:00 (3 hours ago)"
    );
    assert!(has_label(&h, &expected), "{}", shown(&h));
    // Its token was saved 40 days before the clock: also in Bogotá time.
    assert!(
        has_text(&h, "(saved 2026-10-14 07:00 UTC-05:00)"),
        "{}",
        shown(&h)
    );
    // The data access ends in 80 days: the facts grid says when, in the same words.
    let ends = words::time::when(Some(now + Duration::days(80)), now);
    assert!(ends.starts_with("2027-02-11 07:00 UTC-05:00"), "{ends}");
    assert!(has_label(&h, &ends), "{ends}\n{}", shown(&h));
}
