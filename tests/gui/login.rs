//! The desktop window's ways of getting the right token, driven by its labels against the Graph
//! simulator: "Log in with Facebook" in the renew dialog (with the derived Page token's facts,
//! and the identity refusal), the webhook re-subscription offered after a renewal, one login for
//! a root-cause group of four channels, the message for a customer on a call, and the support
//! walk-through with "Copy the steps" (opened again at step 1).
//! Snapshots of the login and the guide use a fixed catalog and a pinned clock.

use crate::support;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use support::gui::*;
// This file's helpers: a text must be unique, a button label need not be.
use support::gui::{has_one_text as has_text, press_first as press};
use tokenwarden::gui::DesktopOptions;
use tokenwarden::model::{
    Channel, ChannelKind, CheckMethod, MetaApp, Secret, SecretRef, StoredToken, TokenReport,
    TokenType, WebhookState,
};
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{Scenario, Simulator};
use tokenwarden::store::{Catalog, CatalogFile, StoreError};

/// This module's profile and window.
trait Login {
    /// A profile on the simulator; the Acme app is saved with its secret and its client token,
    /// and the simulated device login may be polled every second.
    fn with_client_token(seeds: &[Seed]) -> Env;
    fn harness(&self) -> App;
    /// Waits for the login code, copies it with "Copy code" and returns it.
    fn copied_code(&self, h: &mut App) -> String;
}

impl Login for Env {
    fn with_client_token(seeds: &[Seed]) -> Env {
        let env = Env::start(seeds, Some(ACME_CLIENT_TOKEN), WAIT);
        env.control.set_device_interval(1);
        env
    }

    fn harness(&self) -> App {
        self.loaded_window([1280.0, 900.0])
    }

    fn copied_code(&self, h: &mut App) -> String {
        step_until(h, "the login code", |h| has_label(h, "Copy code"));
        press(h, "Copy code");
        self.clipboard.text().expect("the code is on the clipboard")
    }
}

fn save_disabled(h: &App) -> bool {
    h.get_by_label("Save new token")
        .accesskit_node()
        .is_disabled()
}

const SHOES: Seed = ("Acme Shoes", "shoes_messenger", SHOES_PAGE_ID);

#[test]
fn log_in_with_facebook_renews_with_the_pages_own_token() {
    let env = Env::with_client_token(&[SHOES]);
    env.check_all_now();
    let before = env.fingerprint("Acme Shoes");
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Renew token…");
    press(&mut h, "Log in with Facebook");
    let code = env.copied_code(&mut h);
    assert!(has_label(&h, &code), "the code is shown");
    assert!(has_text(
        &h,
        "Waiting for you to approve on Facebook… checking every 1 s"
    ));
    press(&mut h, "Open facebook.com/device");
    assert_eq!(env.browser.urls(), vec!["https://www.facebook.com/device"]);
    // The message a support person sends to a customer on a call: the code and whose login.
    press(&mut h, "Copy message");
    let message = env.clipboard.text().expect("the message is copied");
    assert!(message.contains("facebook.com/device"), "{message}");
    assert!(
        message.contains(&format!("enter the code {code}")),
        "{message}"
    );
    assert!(
        message.contains("the Facebook account that manages Acme Shoes"),
        "{message}"
    );

    env.control.approve_device(&code, ALICE_ID);
    step_until(&mut h, "the Page token made from the login", |h| {
        has_text(h, "Made from Alice Admin's login — a lasting Page token")
    });
    assert!(has_label(&h, "Current token"), "the facts side by side");
    // The verdict first: whose token it is and that it works.
    assert!(has_text(&h, "Token of Acme Shoes — works"));
    assert_eq!(env.fingerprint("Acme Shoes"), before, "nothing saved yet");
    press(&mut h, "Save new token");
    step_until(&mut h, "the save", |_| {
        env.fingerprint("Acme Shoes") != before
    });
    step_until(&mut h, "the re-check", |h| {
        h.state().state().checking.is_empty() && !has_label(h, "Save new token")
    });
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy");
    assert!(has_text(&h, &format!("Previous token: {before}")));
}

#[test]
fn log_in_with_facebook_in_add_lists_the_pages_and_adds_the_ticked_ones() {
    let env = Env::with_client_token(&[SHOES]);
    let mut h = env.harness();
    press(&mut h, "Add channel…");
    // One saved app: the login goes through it without a question.
    press(&mut h, "Log in with Facebook");
    let code = env.copied_code(&mut h);
    press(&mut h, "Copy message");
    let message = env.clipboard.text().expect("the message is copied");
    assert!(
        message.contains("the Facebook account that manages the Pages to add"),
        "{message}"
    );
    env.control.approve_device(&code, ALICE_ID);
    step_until(&mut h, "the login's Pages", |h| {
        has_label(h, "Pages that Alice Admin manages")
    });
    h.get_by_label(&format!("Acme Travel ({TRAVEL_PAGE_ID})"))
        .click();
    h.run_ok();
    h.get_by_label(&format!("Acme Garden ({GARDEN_PAGE_ID})"))
        .click();
    h.run_ok();
    press(&mut h, "Save 2 channels");
    step_until(&mut h, "the two new rows", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Travel Messenger")
            .is_some()
            && h.query_by_role_and_label(Role::ListItem, "Acme Garden Messenger")
                .is_some()
    });
    let catalog = CatalogFile::new(&env.profile).load().unwrap();
    let pages: Vec<_> = catalog
        .channels
        .iter()
        .filter_map(|c| c.page_id.clone())
        .collect();
    assert_eq!(pages.len(), 3);
    assert!(pages.contains(&TRAVEL_PAGE_ID.to_string()));
    assert!(pages.contains(&GARDEN_PAGE_ID.to_string()));
}

#[test]
fn a_login_of_someone_else_is_refused_with_both_names_and_saves_nothing() {
    let env = Env::with_client_token(&[SHOES]);
    env.check_all_now();
    let catalog = std::fs::read(env.profile.dir.join("catalog.json")).unwrap();
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Renew token…");
    press(&mut h, "Log in with Facebook");
    let code = env.copied_code(&mut h);
    env.control.approve_device(&code, BOB_ID);
    step_until(&mut h, "the refusal", |h| {
        has_text(h, "You logged in as Bob Builder")
    });
    assert!(has_text(
        &h,
        "this channel belongs to Page Acme Shoes, which Bob Builder does not manage"
    ));
    assert!(has_label(&h, "Nothing was saved."));
    assert!(save_disabled(&h), "a refused login can never be saved");
    press(&mut h, "Cancel");
    assert_eq!(
        std::fs::read(env.profile.dir.join("catalog.json")).unwrap(),
        catalog
    );
}

#[test]
fn a_cancelled_login_changes_nothing_and_can_start_again() {
    let env = Env::with_client_token(&[SHOES]);
    let before = env.fingerprint("Acme Shoes");
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Renew token…");
    press(&mut h, "Log in with Facebook");
    let code = env.copied_code(&mut h);
    press(&mut h, "Cancel login");
    assert!(has_text(&h, "cancelled. Nothing was changed."));
    env.control.decline_device(&code);
    press(&mut h, "Log in again");
    let again = env.copied_code(&mut h);
    assert_ne!(again, code, "a new code");
    env.control.decline_device(&again);
    step_until(&mut h, "the declined login", |h| has_text(h, "declined"));
    assert!(has_text(&h, "Nothing was changed"));
    assert!(save_disabled(&h));
    assert_eq!(env.fingerprint("Acme Shoes"), before);
}

#[test]
fn without_a_client_token_the_login_says_so_and_offers_the_apps_page() {
    let env = Env::with_client_token(&[SHOES]);
    env.service
        .store
        .catalog
        .update(|c: &mut Catalog| {
            c.apps[0].client_token = None;
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Renew token…");
    press(&mut h, "Log in with Facebook");
    step_until(&mut h, "the explanation", |h| {
        has_text(h, "needs the app's client token")
    });
    press(&mut h, "Open Apps");
    assert!(has_label(&h, "Add an app"), "the Apps page is open");
    assert!(!has_label(&h, "Save new token"), "the dialog is closed");
}

#[test]
fn after_a_renewal_the_missing_webhook_is_offered_and_subscribed() {
    let env = Env::with_client_token(&[("Acme Toys", "webhook_off", TOYS_PAGE_ID)]);
    env.check_all_now();
    let mut h = env.harness();
    select(&mut h, "Acme Toys");
    assert!(
        has_label(&h, "Subscribe the Page to the webhook"),
        "the primary remedy"
    );
    press(&mut h, "Renew token…");
    press(&mut h, "Log in with Facebook");
    let code = env.copied_code(&mut h);
    env.control.approve_device(&code, ALICE_ID);
    step_until(&mut h, "the warning", |h| {
        has_text(h, "Save anyway: I understand")
    });
    h.get_by_label_contains("Save anyway: I understand").click();
    h.run_ok();
    press(&mut h, "Save new token");
    step_until(&mut h, "the offer", |h| {
        has_text(h, "but messages will not arrive yet")
    });
    press(&mut h, "Subscribe the Page to the webhook");
    step_until(&mut h, "the subscription", |h| {
        has_text(h, "is subscribed to the webhook: messages arrive again")
    });
    let fields = env
        .control
        .subscribed_fields(TOYS_PAGE_ID, ACME_APP_ID)
        .expect("subscribed");
    assert!(fields.contains(&"messages".to_string()), "{fields:?}");
    assert!(!has_text(&h, "but messages will not arrive yet"));
    assert_eq!(status_of(&h, "Acme Toys"), "Healthy");
}

#[test]
fn one_login_renews_a_group_of_four_broken_by_one_password_change() {
    let seeds: Vec<(&str, &str, &str)> = CAROL_PAGE_NAMES
        .iter()
        .zip(["carol_cafe", "carol_crafts", "carol_cakes", "carol_candles"])
        .zip(CAROL_PAGES)
        .map(|((name, token), page)| (*name, token, page))
        .collect();
    let mut all = seeds.clone();
    all.push(SHOES);
    let env = Env::with_client_token(&all);
    env.control.change_password(CAROL_ID);
    let before: Vec<String> = CAROL_PAGE_NAMES
        .iter()
        .map(|n| env.fingerprint(n))
        .collect();
    let mut h = env.harness();
    press(&mut h, "Check all");
    step_until(&mut h, "the check", |h| {
        h.state().state().check_all.is_none()
    });
    assert!(has_text(
        &h,
        "4 channels stopped working for one reason: the password"
    ));
    assert_eq!(
        h.get_all_by_label_contains("stopped working for one reason")
            .count(),
        1
    );
    press(&mut h, "Log in once and renew all 4");
    let code = env.copied_code(&mut h);
    env.control.approve_device(&code, CAROL_ID);
    step_until(&mut h, "the renewals", |h| has_text(h, "4 of 4 renewed"));
    for name in CAROL_PAGE_NAMES {
        assert!(has_label(&h, &format!("{name}: renewed")), "{name}");
    }
    for (name, old) in CAROL_PAGE_NAMES.iter().zip(before) {
        assert_ne!(env.fingerprint(name), old, "{name} has a new token");
    }
    press(&mut h, "Close");
    for name in CAROL_PAGE_NAMES {
        assert_eq!(status_of(&h, name), "Healthy", "{name}");
    }
    assert!(
        !has_text(&h, "stopped working for one reason"),
        "the group is gone"
    );
}

#[test]
fn the_walk_through_shows_the_steps_and_copies_them_without_a_token() {
    let env = Env::with_client_token(&[SHOES]);
    env.control.change_password(ALICE_ID);
    env.check_all_now();
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    assert_eq!(status_of(&h, "Acme Shoes"), "Broken");
    press(&mut h, "Guide");
    assert!(has_label(&h, "How to renew \"Acme Shoes\""));
    assert!(has_text(&h, "Open the app's Messenger settings"));
    assert!(has_text(&h, "Generate a new token for Acme Shoes"));
    press(&mut h, "Copy the steps");
    let text = env.clipboard.text().expect("the steps are copied");
    let settings =
        format!("https://developers.facebook.com/apps/{ACME_APP_ID}/messenger/settings/");
    assert!(text.contains(&settings), "{text}");
    assert!(text.contains("[done] See what is wrong"), "{text}");
    assert!(
        !text.contains(&env.control.token("shoes_messenger")),
        "{text}"
    );
    assert!(!text.contains("EAA"), "no token of any kind: {text}");
    press(&mut h, "Close");
    assert!(!has_label(&h, "How to renew \"Acme Shoes\""));
}

// ---- snapshots: a fixed catalog and a pinned clock, so every pixel is reproducible ----

/// Acme Shoes, healthy, and Acme Travel, whose token expired two days ago (also the Spanish
/// dialogs' catalog).
pub(crate) fn fixture() -> Vec<Channel> {
    let now = pinned();
    let channel = |name: &str, page: &str, report: TokenReport| Channel {
        id: format!("id-{}", name.to_lowercase().replace(' ', "-")),
        name: name.into(),
        kind: ChannelKind::Messenger,
        app_id: Some(ACME_APP_ID.into()),
        page_id: Some(page.into()),
        page_name: Some(name.into()),
        token: StoredToken {
            secret: SecretRef(format!("token-{name}")),
            fingerprint: Secret::new(format!("EAA-{name}")).fingerprint(),
            saved_at: now - chrono::Duration::days(40),
        },
        previous_token: None,
        previous_report: None,
        last_report: Some(Box::new(report)),
        last_failure: None,
        added_at: now - chrono::Duration::days(90),
    };
    let report = |page: &str, name: &str| TokenReport {
        checked_at: Some(now - chrono::Duration::hours(3)),
        check_method: Some(CheckMethod::DebugToken),
        is_valid: Some(true),
        token_type: Some(TokenType::Page),
        app_id: Some(ACME_APP_ID.into()),
        application: Some(ACME_APP_NAME.into()),
        user_id: Some(ALICE_ID.into()),
        user_name: Some("Alice Admin".into()),
        profile_id: Some(page.into()),
        profile_name: Some(name.into()),
        issued_at: Some(now - chrono::Duration::days(40)),
        never_expires: Some(true),
        data_access_expires_at: Some(now + chrono::Duration::days(80)),
        scopes: Some(messenger_scopes()),
        webhook: Some(WebhookState {
            app_subscribed: true,
            fields: vec!["messages".into(), "messaging_postbacks".into()],
        }),
        ..Default::default()
    };
    let mut expired = report(TRAVEL_PAGE_ID, "Acme Travel");
    expired.is_valid = Some(false);
    expired.never_expires = Some(false);
    expired.expires_at = Some(now - chrono::Duration::days(2));
    expired.scopes = None;
    expired.webhook = None;
    expired.error = Some(session_expired());
    vec![
        channel(
            "Acme Shoes",
            SHOES_PAGE_ID,
            report(SHOES_PAGE_ID, "Acme Shoes"),
        ),
        channel("Acme Travel", TRAVEL_PAGE_ID, expired),
    ]
}

/// A window on the fixed catalog whose Graph is `base_url` (only the device login asks it).
fn snapshot_harness(theme: egui::Theme, base_url: &str) -> (App, tempfile::TempDir) {
    let acme = MetaApp {
        id: ACME_APP_ID.into(),
        name: ACME_APP_NAME.into(),
        client_token: Some(ACME_CLIENT_TOKEN.into()),
        has_secret: false,
    };
    let (profile, dir) = fixed_profile(fixture(), vec![acme]);
    let h = pinned_window(profile, base_url, theme, DesktopOptions::quiet(), WAIT);
    (h, dir)
}

/// Whether `w` is a device login code as the simulator makes them ("ABCD1234").
pub(crate) fn is_login_code(w: &str) -> bool {
    w.len() == 8
        && w.chars().take(4).all(|c| c.is_ascii_uppercase())
        && w.chars().skip(4).all(|c| c.is_ascii_digit())
}

/// Covers what differs from run to run: the random login code and the spinners' turn.
pub(crate) fn mask_moving_parts(h: &mut App) {
    let moving: Vec<egui::Rect> = h
        .root()
        .children_recursive()
        .filter(|n| {
            let a = n.accesskit_node();
            // The code alone, or inside the message for the customer.
            let code = a.label().or_else(|| a.value()).is_some_and(|l| {
                l.split(|c: char| c.is_whitespace() || c == '.')
                    .any(is_login_code)
            });
            code || a.role() == Role::ProgressIndicator
        })
        .map(|n| {
            // A code inside a sentence changes the sentence's width: cover a fixed width.
            let r = n.rect();
            let a = n.accesskit_node();
            let sentence = a.label().or_else(|| a.value()).is_some_and(|l| l.len() > 8);
            let width = if sentence {
                r.width().max(620.0)
            } else {
                r.width()
            };
            egui::Rect::from_min_size(r.min, egui::vec2(width, r.height()))
        })
        .collect();
    for rect in moving {
        h.mask(rect);
    }
}

fn snapshots_in(theme: egui::Theme, suffix: &str) {
    let sim = Simulator::start_background(Scenario::demo()).expect("the simulator starts");
    let (mut h, _dir) = snapshot_harness(theme, &sim.base_url());
    select(&mut h, "Acme Travel");

    press(&mut h, "Guide");
    h.remove_cursor();
    h.run_ok();
    h.snapshot(format!("guide_{suffix}"));
    press(&mut h, "Close");

    press(&mut h, "Renew the token");
    press(&mut h, "Log in with Facebook");
    step_until(&mut h, "the login code", |h| has_label(h, "Copy code"));
    h.remove_cursor();
    h.run_ok();
    mask_moving_parts(&mut h);
    h.snapshot(format!("login_{suffix}"));
    press(&mut h, "Cancel login");
    press(&mut h, "Cancel");

    // The Add dialog's Page picker, after a login of a person who manages five Pages.
    press(&mut h, "Add channel…");
    press(&mut h, "Log in with Facebook");
    step_until(&mut h, "the login code", |h| has_label(h, "Copy code"));
    let code = h
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.label().or_else(|| a.value())
        })
        .find(|l| is_login_code(l))
        .unwrap_or_else(|| panic!("the code is shown:\n{}", shown(&h)));
    sim.control().approve_device(&code, ALICE_ID);
    step_until(&mut h, "the login's Pages", |h| {
        has_label(h, "Pages that Alice Admin manages")
    });
    h.get_by_label(&format!("Acme Books ({BOOKS_PAGE_ID})"))
        .click();
    h.run_ok();
    h.get_by_label(&format!("Acme Garden ({GARDEN_PAGE_ID})"))
        .click();
    h.remove_cursor();
    h.run_ok();
    h.snapshot(format!("page_picker_{suffix}"));
}

#[test]
fn snapshots_light() {
    snapshots_in(egui::Theme::Light, "light");
}

#[test]
fn snapshots_dark() {
    snapshots_in(egui::Theme::Dark, "dark");
}

#[test]
fn the_guide_opens_again_at_step_one() {
    let env = Env::with_client_token(&[SHOES]);
    env.control.change_password(ALICE_ID);
    env.check_all_now();
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    // Step 1 is in view when it starts below the dialog's heading.
    let first_in_view = |h: &App| {
        let heading = h.get_by_label("How to renew \"Acme Shoes\"").rect();
        h.get_by_label("1. See what is wrong").rect().top() > heading.bottom()
    };
    press(&mut h, "Guide");
    assert!(first_in_view(&h));
    h.get_by_label("8. Check that messages arrive")
        .scroll_to_me();
    h.run_ok();
    assert!(!first_in_view(&h), "scrolled to the last step");
    press(&mut h, "Close");
    press(&mut h, "Guide");
    h.run_ok();
    assert!(first_in_view(&h), "opened again at step 1");
}
