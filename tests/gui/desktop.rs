//! The desktop side of the window, driven by its labels: support reports (export, then open
//! read-only), the channel history, reminders with a snooze, backup and restore into a new
//! profile, the clock guard and one window per profile. Snapshots use a pinned clock.

use crate::support;

use std::path::Path;
use std::sync::Arc;

use chrono::Duration;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::gui::*;
use tokenwarden::gui::DesktopOptions;
use tokenwarden::gui::platform::dialogs::{FileKind, QueuedDialogs};
use tokenwarden::gui::platform::instance::{self, InstanceError, already_open};
use tokenwarden::model::{
    Channel, ChannelKind, CheckMethod, Secret, SecretRef, StoredToken, TokenReport, TokenType,
};
use tokenwarden::service::Notifier;
use tokenwarden::sim::scenario::{
    ACME_APP_ID, ACME_APP_NAME, GARDEN_PAGE_ID, SHOES_PAGE_ID, TRAVEL_PAGE_ID,
};
use tokenwarden::store::Profile;

const SHOES: Seed = ("Acme Shoes", "shoes_messenger", SHOES_PAGE_ID);
const SHOES_TOO: Seed = ("Acme Shoes Outlet", "shoes_renewal", SHOES_PAGE_ID);
const TRAVEL: Seed = ("Acme Travel", "travel_expired", TRAVEL_PAGE_ID);
const GARDEN: Seed = ("Acme Garden", "garden_password", GARDEN_PAGE_ID);

/// This module's profiles and window.
trait Desktop {
    /// Another profile on a simulator of its own (a new computer).
    fn beside(&self) -> Env;
    /// The window on this profile; `reminders` runs the schedule with the recording notifier.
    fn harness(&self, reminders: bool) -> App;
}

impl Desktop for Env {
    fn beside(&self) -> Env {
        Env::new(&[] as &[Seed])
    }

    fn harness(&self, reminders: bool) -> App {
        let notifier: Arc<dyn Notifier> = self.notifier.clone();
        let desktop = DesktopOptions {
            notifier: reminders.then_some(notifier),
            files: Box::new(self.dialogs.clone()),
        };
        let mut h = self.window([1280.0, 860.0], desktop);
        step_until(&mut h, "the store to open", |h| h.state().state().is_open());
        h
    }
}

/// The window on `profile` with a pinned clock and queued dialogs, for snapshots.
fn pinned_harness(profile: Profile, theme: egui::Theme, dialogs: &QueuedDialogs) -> App {
    let desktop = DesktopOptions {
        notifier: None,
        files: Box::new(dialogs.clone()),
    };
    let mut h = pinned_window(profile, "http://127.0.0.1:9", theme, desktop, WAIT);
    let state = h.state_mut().state_mut();
    state.profile_dir = Some(Path::new("/home/you/.local/share/tokenwarden").into());
    h.run_ok();
    h
}

fn settings(h: &mut App) {
    h.get_by_label("Settings").click();
    h.run_ok();
}

#[test]
fn an_exported_report_opens_read_only_with_the_same_channels_and_no_actions() {
    let env = Env::new(&[SHOES, TRAVEL, GARDEN]);
    env.check_all_now();
    let mut h = env.harness(false);
    let live = rows(&h);
    assert_eq!(live.len(), 3);

    let path = env.dir.path().join("report.json");
    env.dialogs.answer(&path);
    settings(&mut h);
    press(&mut h, "Export report…");
    step_until(&mut h, "the export", |h| has_text(h, "Report saved to"));
    let text = std::fs::read_to_string(&path).unwrap();
    for seed in [SHOES, TRAVEL, GARDEN] {
        assert!(!text.contains(&env.control.token(seed.1)), "no token in it");
    }

    env.dialogs.answer(&path);
    press(&mut h, "Open report…");
    step_until(&mut h, "the report", |h| has_text(h, "Report from "));
    assert!(has_text(&h, "read-only; countdowns recomputed to today"));
    assert_eq!(
        rows(&h),
        live,
        "the same channels with the same health words"
    );
    select(&mut h, "Acme Travel");
    assert!(has_text(&h, "expired"), "the reason is shown");
    for action in [
        "Renew the token",
        "Renew token…",
        "Check now",
        "Check all",
        "Copy token",
        "Roll back",
        "Add channel…",
    ] {
        assert!(
            !has_label(&h, action),
            "{action} must not exist in a report"
        );
    }
    assert_eq!(
        env.dialogs.asked(),
        vec![FileKind::SaveReport, FileKind::OpenReport]
    );

    press(&mut h, "Close report");
    assert!(
        has_label(&h, "Check all"),
        "back to the user's own channels"
    );
}

#[test]
fn the_history_lists_a_renewal_and_its_roll_back() {
    let env = Env::new(&[SHOES]);
    env.check_all_now();
    let old = Secret::new(env.control.token("shoes_messenger")).fingerprint();
    let new = Secret::new(env.control.token("shoes_renewal")).fingerprint();
    let mut h = env.harness(false);
    select(&mut h, "Acme Shoes");
    step_until(&mut h, "the history", |h| has_label(h, "History"));

    press(&mut h, "Renew token…");
    paste(&mut h, "New token", &env.control.token("shoes_renewal"));
    h.get_by_label("Validate").click();
    step_until(&mut h, "the validation", |h| has_label(h, "Save new token"));
    step_until(&mut h, "the facts", |h| {
        !h.get_by_label("Save new token")
            .accesskit_node()
            .is_disabled()
            || h.query_by_label_contains("Save anyway: I understand")
                .is_some()
    });
    if let Some(accept) = h.query_by_label_contains("Save anyway: I understand") {
        accept.click();
        h.run_ok();
    }
    h.get_by_label("Save new token").click();
    let replaced = format!("replaced token {old} with {new}");
    step_until(&mut h, "the replacement in the history", |h| {
        has_text(h, &replaced)
    });

    press(&mut h, "Roll back");
    press(&mut h, "Check and roll back");
    let rolled_back = format!("went back from token {new} to the earlier {old}");
    step_until(&mut h, "the roll back in the history", |h| {
        has_text(h, &rolled_back)
    });
    assert!(has_text(&h, &replaced), "the replacement stays listed");
}

#[test]
fn a_snoozed_channel_gets_no_reminder_while_another_broken_one_does() {
    let env = Env::new(&[SHOES, SHOES_TOO]);
    let mut h = env.harness(true);
    // The schedule's first round runs at once: both channels are healthy, nothing to tell.
    step_until(&mut h, "the first reminder round", |h| {
        h.state().state().last_check_at.is_some()
    });
    assert!(env.notifier.sent().is_empty());

    select(&mut h, "Acme Shoes");
    press(&mut h, "Snooze 7 days");
    step_until(&mut h, "the snooze", |h| {
        has_text(h, "Reminders snoozed until ")
    });

    // Both tokens stop working; saving new settings restarts the schedule with a round.
    env.control.revoke("shoes_messenger");
    env.control.revoke("shoes_renewal");
    settings(&mut h);
    // Typed into the number field: it selects its text when clicked.
    h.get_by_role_and_label(Role::SpinButton, "Check every (hours)")
        .click();
    h.run_ok();
    h.get_by_role_and_label(Role::SpinButton, "Check every (hours)")
        .type_text("7");
    h.key_press(egui::Key::Enter);
    h.run_ok();
    press(&mut h, "Save reminder settings");
    step_until(&mut h, "the settings to be saved", |h| {
        has_label(h, "Reminder settings saved.")
    });
    step_until(&mut h, "a reminder", |_| !env.notifier.sent().is_empty());
    std::thread::sleep(std::time::Duration::from_millis(300));
    let sent = env.notifier.sent();
    assert!(
        sent.iter()
            .any(|n| n.title.starts_with("Acme Shoes Outlet")),
        "{sent:?}"
    );
    assert!(
        !sent.iter().any(|n| n.title.starts_with("Acme Shoes:")),
        "the snoozed channel was not reminded: {sent:?}"
    );
    let saved = env.rt.block_on(env.service.reminder_state()).unwrap();
    assert_eq!(saved.reminders.interval_hours, 7);
}

#[test]
fn a_backup_restores_into_a_fresh_profile_after_a_wrong_passphrase() {
    let env = Env::new(&[SHOES, TRAVEL]);
    env.check_all_now();
    let mut h = env.harness(false);
    let before = rows(&h);
    let file = env.dir.path().join("channels.age");
    settings(&mut h);
    press(&mut h, "Back up…");
    paste(&mut h, "Passphrase", "a long passphrase");
    paste(&mut h, "Passphrase again", "a long passphrasf");
    assert!(has_label(&h, "The two passphrases are not the same."));
    assert!(
        h.get_by_label("Choose where to save…")
            .accesskit_node()
            .is_disabled()
    );
    // Put the last letter right.
    h.get_by_label("Passphrase again").click();
    h.run_ok();
    h.key_press(egui::Key::End);
    h.key_press(egui::Key::Backspace);
    h.event(egui::Event::Paste("e".into()));
    h.run_ok();
    assert!(!has_label(&h, "The two passphrases are not the same."));
    env.dialogs.answer(&file);
    press(&mut h, "Choose where to save…");
    step_until(&mut h, "the backup", |h| has_text(h, "Backup saved to"));
    assert!(file.exists());

    let fresh = env.beside();
    let mut h = fresh.harness(false);
    assert!(h.state().state().table.is_empty());
    settings(&mut h);
    fresh.dialogs.answer(&file);
    press(&mut h, "Restore from a backup…");
    step_until(&mut h, "the restore dialog", |h| {
        has_label(h, "Restore from a backup")
    });
    paste(&mut h, "Backup passphrase", "not the passphrase");
    press(&mut h, "Open the backup");
    step_until(&mut h, "the refusal", |h| {
        has_text(h, "The passphrase does not open the backup")
    });
    assert!(has_text(&h, "Nothing was changed"));
    assert!(h.state().state().table.is_empty(), "nothing changed");

    paste(&mut h, "Backup passphrase", "a long passphrase");
    press(&mut h, "Open the backup");
    step_until(&mut h, "the plan", |h| has_text(h, "Will be added (2)"));
    press(&mut h, "Restore");
    step_until(&mut h, "the restored channels", |h| {
        h.state().state().table.len() == 2
    });
    assert!(has_text(&h, "Restored: 2 channels added"));
    h.get_by_label("Channels").click();
    h.run_ok();
    assert_eq!(rows(&h), before, "the channels are back as they were");
    let token = fresh
        .rt
        .block_on(fresh.service.reveal_token("Acme Shoes"))
        .unwrap();
    assert_eq!(token.expose(), env.control.token("shoes_messenger"));
}

#[test]
fn a_last_check_in_the_future_shows_the_clock_banner() {
    let env = Env::new(&[SHOES]);
    env.update(|c| c.last_check_at = Some(chrono::Utc::now() + Duration::days(3)));
    let mut h = env.harness(false);
    step_until(&mut h, "the clock banner", |h| {
        has_label(h, "Countdowns may be wrong")
    });
    assert!(has_text(&h, "before the last check"));
}

#[test]
fn a_second_window_on_the_same_profile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first = instance::acquire(dir.path()).expect("the first window gets the profile");
    assert!(matches!(
        instance::acquire(dir.path()),
        Err(InstanceError::AlreadyOpen)
    ));
    let other = tempfile::tempdir().unwrap();
    assert!(
        instance::acquire(other.path()).is_ok(),
        "another profile is free"
    );
    drop(first);
    assert!(
        instance::acquire(dir.path()).is_ok(),
        "free again once closed"
    );

    let mut h = Harness::new_ui(instance::show_already_open);
    h.run();
    assert!(h.query_by_label(&already_open()).is_some());
    h.get_by_label("OK").click();
    h.run();
}

// ---- snapshots: a fixed report and catalog with a pinned clock ----

fn fact(valid: bool, page: (&str, &str), expires_in_days: Option<i64>) -> TokenReport {
    let now = pinned();
    TokenReport {
        checked_at: Some(now - Duration::hours(30)),
        check_method: Some(CheckMethod::DebugToken),
        is_valid: Some(valid),
        token_type: Some(TokenType::Page),
        app_id: Some(ACME_APP_ID.into()),
        application: Some(ACME_APP_NAME.into()),
        profile_id: Some(page.0.into()),
        profile_name: Some(page.1.into()),
        issued_at: Some(now - Duration::days(40)),
        expires_at: expires_in_days.map(|d| now + Duration::days(d)),
        never_expires: Some(expires_in_days.is_none()),
        data_access_expires_at: Some(now + Duration::days(80)),
        scopes: Some(messenger_scopes()),
        ..Default::default()
    }
}

fn fixed_channels() -> Vec<Channel> {
    let now = pinned();
    let channel = |name: &str, page: &str, report: TokenReport| Channel {
        id: format!("id-{}", name.to_lowercase().replace(' ', "-")),
        name: name.into(),
        kind: ChannelKind::Messenger,
        app_id: Some(ACME_APP_ID.into()),
        page_id: Some(page.into()),
        page_name: Some(name.into()),
        token: StoredToken {
            secret: SecretRef("redacted".into()),
            fingerprint: Secret::new(format!("EAA-{name}")).fingerprint(),
            saved_at: now - Duration::days(40),
        },
        previous_token: None,
        previous_report: None,
        last_report: Some(Box::new(report)),
        last_failure: None,
        added_at: now - Duration::days(90),
    };
    let mut travel = fact(false, (TRAVEL_PAGE_ID, "Acme Travel"), Some(-2));
    travel.error = Some(session_expired());
    vec![
        channel(
            "Acme Shoes",
            SHOES_PAGE_ID,
            fact(true, (SHOES_PAGE_ID, "Acme Shoes"), None),
        ),
        channel(
            "Acme Garden",
            GARDEN_PAGE_ID,
            fact(true, (GARDEN_PAGE_ID, "Acme Garden"), Some(4)),
        ),
        channel("Acme Travel", TRAVEL_PAGE_ID, travel),
    ]
}

fn snapshots_in(theme: egui::Theme, suffix: &str) {
    let (profile, dir) = fixed_profile(fixed_channels(), vec![]);
    let report_path = write_report(dir.path(), fixed_channels());
    let dialogs = QueuedDialogs::default();
    let mut h = pinned_harness(profile, theme, &dialogs);
    settings(&mut h);

    press(&mut h, "Back up…");
    snapshot(&mut h, &format!("backup_dialog_{suffix}"));
    press(&mut h, "Cancel");

    dialogs.answer("/home/you/Documents/tokenwarden-backup.age");
    press(&mut h, "Restore from a backup…");
    step_until(&mut h, "the restore dialog", |h| {
        has_label(h, "Restore from a backup")
    });
    snapshot(&mut h, &format!("restore_dialog_{suffix}"));
    press(&mut h, "Cancel");

    dialogs.answer(&report_path);
    press(&mut h, "Open report…");
    step_until(&mut h, "the report", |h| has_text(h, "Report from ann"));
    select(&mut h, "Acme Travel");
    snapshot(&mut h, &format!("report_{suffix}"));
}

/// The "Roll back" confirmation of a channel that was renewed once.
fn rollback_snapshot_in(theme: egui::Theme, suffix: &str) {
    let mut channels = fixed_channels();
    channels[0].previous_token = Some(StoredToken {
        secret: SecretRef("redacted-previous".into()),
        fingerprint: Secret::new("EAA-Acme Shoes-before").fingerprint(),
        saved_at: pinned() - Duration::days(100),
    });
    let (profile, _dir) = fixed_profile(channels, vec![]);
    let mut h = pinned_harness(profile, theme, &QueuedDialogs::default());
    select(&mut h, "Acme Shoes");
    press(&mut h, "Roll back");
    snapshot(&mut h, &format!("rollback_dialog_{suffix}"));
}

#[test]
fn snapshots_light() {
    snapshots_in(egui::Theme::Light, "light");
}

#[test]
fn snapshots_dark() {
    snapshots_in(egui::Theme::Dark, "dark");
}

// One harness per test: kittest wants each test's snapshot results in one place.
#[test]
fn rollback_snapshot_light() {
    rollback_snapshot_in(egui::Theme::Light, "light");
}

#[test]
fn rollback_snapshot_dark() {
    rollback_snapshot_in(egui::Theme::Dark, "dark");
}
