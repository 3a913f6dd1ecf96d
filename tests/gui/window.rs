//! The desktop window, driven by its labels the way a user would: against the Graph simulator
//! for checks and renewals, and on a fixed catalog with a pinned clock for the snapshots.

use crate::support;

use std::time::{Duration, Instant};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::gui::*;
use tokenwarden::gui::data::lock::Lock;
use tokenwarden::gui::{DesktopOptions, Startup, TokenwardenApp};
use tokenwarden::model::{ChannelKind, Secret, SecretRef, TokenType};
use tokenwarden::sim::Fault;
use tokenwarden::sim::scenario::{
    ACME_APP_ID, BOOKS_PAGE_ID, GARDEN_PAGE_ID, OTHER_APP_ID, OTHER_APP_SECRET, SHOES_PAGE_ID,
    TOYS_PAGE_ID, TRAVEL_PAGE_ID,
};
use tokenwarden::store::{Catalog, CatalogFile, Profile, SecretStoreKind, StoreError, VaultStore};

type Seed = KindSeed;

const SHOES: Seed = (
    "Acme Shoes",
    ChannelKind::Messenger,
    "shoes_messenger",
    SHOES_PAGE_ID,
    "Acme Shoes",
);
const BOOKS: Seed = (
    "Acme Books",
    ChannelKind::Messenger,
    "books_expiring",
    BOOKS_PAGE_ID,
    "Acme Books",
);
const TRAVEL: Seed = (
    "Acme Travel",
    ChannelKind::Messenger,
    "travel_expired",
    TRAVEL_PAGE_ID,
    "Acme Travel",
);
const GARDEN: Seed = (
    "Acme Garden",
    ChannelKind::Messenger,
    "garden_password",
    GARDEN_PAGE_ID,
    "Acme Garden",
);
const TOYS: Seed = (
    "Acme Toys",
    ChannelKind::Messenger,
    "webhook_off",
    TOYS_PAGE_ID,
    "Acme Toys",
);

/// This module's window.
trait Window {
    fn harness(&self) -> App;
}

impl Window for Env {
    fn harness(&self) -> App {
        self.loaded_window([1280.0, 860.0])
    }
}

#[test]
fn the_list_shows_each_state_with_its_icon_and_a_summary() {
    let env = Env::new(&[SHOES, BOOKS, TRAVEL, TOYS]);
    env.check_all_now();
    env.seed(&(
        "Bob's Bikes",
        ChannelKind::Messenger,
        "bikes_page",
        "500006",
        "Bob's Bikes",
    ));
    let h = env.harness();
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy");
    assert_eq!(status_of(&h, "Acme Books"), "Needs attention");
    assert_eq!(status_of(&h, "Acme Toys"), "Needs attention");
    assert_eq!(status_of(&h, "Acme Travel"), "Broken");
    assert_eq!(status_of(&h, "Bob's Bikes"), "Not checked");
    assert!(has_label(
        &h,
        "1 broken, 2 need attention, 1 not checked, 1 healthy"
    ));
    // Most urgent first.
    let rows: Vec<String> = h
        .get_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows.first().map(String::as_str), Some("Acme Travel"));
    assert_eq!(rows.last().map(String::as_str), Some("Acme Shoes"));
}

#[test]
fn the_keyboard_finds_a_channel_and_walks_the_list_with_the_details_following() {
    let env = Env::new(&[SHOES, BOOKS, TRAVEL]);
    env.check_all_now();
    let mut h = env.harness();
    // Ctrl+F goes to the search field: typing filters at once.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.event(egui::Event::Text("books".into()));
    h.run_ok();
    assert_eq!(rows(&h).len(), 1, "only Acme Books is listed");
    for _ in 0.."books".len() {
        h.key_press(egui::Key::Backspace);
        h.run_ok();
    }
    // Escape leaves the field; the arrows then belong to the list.
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert_eq!(rows(&h).len(), 3);

    // Down and up move through the list, most urgent first, and the details follow.
    let heading = |h: &App, page: &str| {
        let line = match page {
            "Acme Travel" => format!("Messenger · Acme Travel ({TRAVEL_PAGE_ID})"),
            _ => format!("Messenger · Acme Books ({BOOKS_PAGE_ID})"),
        };
        has_label(h, &line)
    };
    h.key_press(egui::Key::ArrowDown);
    h.run_ok();
    assert!(heading(&h, "Acme Travel"), "the first row is selected");
    h.key_press(egui::Key::ArrowDown);
    h.run_ok();
    assert!(heading(&h, "Acme Books"));
    h.key_press(egui::Key::ArrowUp);
    h.run_ok();
    assert!(heading(&h, "Acme Travel"));
}

#[test]
fn at_the_smallest_window_the_filters_and_the_details_do_not_overlap() {
    let env = Env::new(&[SHOES, BOOKS, TRAVEL]);
    env.check_all_now();
    let [w, h_] = tokenwarden::gui::theme::WINDOW_MIN_SIZE;
    let mut h = env.loaded_window([w, h_]);
    select(&mut h, "Acme Travel");
    let details = h
        .get_by_label(&format!("Messenger · Acme Travel ({TRAVEL_PAGE_ID})"))
        .rect();
    for filter in [
        "All (3)",
        "Broken (1)",
        "Needs attention (1)",
        "Not checked (0)",
        "Healthy (1)",
    ] {
        let r = h.get_by_label(filter).rect();
        assert!(
            r.right() < details.left(),
            "{filter} runs under the details"
        );
        assert!(r.right() <= w, "{filter} is cut by the window");
    }
}

#[test]
fn clicking_a_broken_channel_shows_its_reason_and_one_remedy_button() {
    let env = Env::new(&[SHOES, GARDEN, TRAVEL]);
    env.check_all_now();
    let mut h = env.harness();

    select(&mut h, "Acme Garden");
    assert!(has_text(&h, "password"), "the reason is in words");
    assert!(!has_text(&h, "190"), "no raw code outside Details");
    h.get_by_label("Log in again and renew").click();
    h.run_ok();
    assert!(has_label(&h, "Renew the token of \"Acme Garden\""));
    let opened = env.browser.urls();
    assert!(
        opened
            .iter()
            .any(|u| u.contains(&format!("/apps/{ACME_APP_ID}/messenger/settings/"))),
        "{opened:?}"
    );
    assert!(opened.iter().all(|u| !u.contains("access_token")));
    h.get_by_label("Cancel").click();
    h.run_ok();

    select(&mut h, "Acme Travel");
    assert!(has_text(&h, "expired"));
    h.get_by_label("Renew the token").click();
    h.run_ok();
    assert!(has_label(&h, "Renew the token of \"Acme Travel\""));
}

#[test]
fn check_all_shows_progress_and_updates_rows_one_by_one() {
    let env = Env::new(&[SHOES, BOOKS, TRAVEL, GARDEN, TOYS]);
    let mut h = env.harness();
    assert_eq!(status_of(&h, "Acme Travel"), "Not checked");
    // Slow answers, so the rows visibly arrive one after another.
    env.control
        .set_fault(Fault::Latency(Duration::from_millis(300)));

    h.get_by_label("Check all").click();
    h.step();
    h.step();
    assert!(h.query_by_role(Role::ProgressIndicator).is_some());
    let mut partial = false;
    let start = Instant::now();
    while let Some(run) = h.state().state().check_all {
        partial |= run.done > 0 && run.done < run.total;
        assert!(start.elapsed() < WAIT, "the check never finished");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    assert!(partial, "results should arrive row by row, not all at once");
    h.run_ok();
    assert_eq!(status_of(&h, "Acme Travel"), "Broken");
    assert_eq!(status_of(&h, "Acme Garden"), "Broken");
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy");
    assert!(h.query_by_role(Role::ProgressIndicator).is_none());
}

#[test]
fn renew_with_another_pages_token_is_refused_and_the_old_token_stays() {
    let env = Env::new(&[SHOES]);
    env.check_all_now();
    let before = env.fingerprint("Acme Shoes");
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    h.get_by_label("Renew token…").click();
    h.run_ok();

    paste(&mut h, "New token", &env.control.token("bikes_page"));
    assert!(has_label(&h, "Looks like an access token."));
    assert!(
        h.get_by_label("Save new token")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Validate").click();
    // The verdict first, in one sentence: whose token this is.
    step_until(&mut h, "the refusal", |h| {
        has_label(h, "This is Bob's Bikes' token, not Acme Shoes'")
    });
    assert!(has_text(&h, "Get the token of the right Page."));
    // Only the real reason: no complaint about the permissions of another Page's token.
    assert!(!has_text(&h, "lacks"), "no permission complaint");
    assert!(!has_text(&h, "missing pages_"), "no permission complaint");
    assert!(
        h.get_by_label("Save new token")
            .accesskit_node()
            .is_disabled(),
        "a refused token can never be saved"
    );
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert_eq!(env.fingerprint("Acme Shoes"), before);
}

#[test]
fn renew_with_a_good_token_saves_rechecks_and_roll_back_restores() {
    let env = Env::new(&[SHOES]);
    env.check_all_now();
    let old = env.fingerprint("Acme Shoes");
    let new_token = env.control.token("shoes_renewal");
    let new = Secret::new(new_token.clone()).fingerprint();
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    h.get_by_label("Renew token…").click();
    h.run_ok();
    // Pasted the way a browser shows it after a login.
    paste(
        &mut h,
        "New token",
        &format!(
            "https://www.facebook.com/connect/login_success.html#access_token={new_token}&expires_in=0"
        ),
    );
    assert!(has_label(
        &h,
        "Looks like a login redirect URL — token found."
    ));
    h.get_by_label("Validate").click();
    // Not just "works": the details behind the dialog say that of the current token.
    step_until(&mut h, "the validation", |h| {
        has_text(h, "Token of Acme Shoes — works")
    });
    assert!(has_label(&h, "Current token"), "the facts side by side");
    if let Some(accept) = h.query_by_label_contains("Save anyway: I understand") {
        accept.click();
        h.run_ok();
    }
    h.get_by_label("Save new token").click();
    step_until(&mut h, "the save", |_| env.fingerprint("Acme Shoes") == new);
    step_until(&mut h, "the re-check of that channel", |h| {
        h.state().state().checking.is_empty() && !has_label(h, "Save new token")
    });
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy");
    assert!(has_text(&h, &format!("Previous token: {old}")));

    press(&mut h, "Roll back");
    assert!(has_label(&h, "Put back the previous token of Acme Shoes?"));
    assert!(has_text(
        &h,
        "first checks with Facebook that it still works"
    ));
    assert_eq!(
        env.fingerprint("Acme Shoes"),
        new,
        "nothing changes before the confirmation"
    );
    press(&mut h, "Check and roll back");
    step_until(&mut h, "the roll back", |_| {
        env.fingerprint("Acme Shoes") == old
    });
    step_until(&mut h, "the details to follow", |h| {
        has_text(h, &format!("Current token: {old}"))
    });
    assert!(has_text(&h, "is back in use"), "the outcome in words");
    assert!(
        !has_label(&h, "Put back the previous token of Acme Shoes?"),
        "the confirmation closed"
    );
}

#[test]
fn roll_back_shows_the_previous_tokens_last_known_health_and_is_off_when_it_is_dead() {
    let env = Env::new(&[SHOES, TRAVEL]);
    env.check_all_now();
    // Shoes worked when it was replaced; Travel's token had expired.
    let shoes = Secret::new(env.control.token("shoes_renewal"));
    env.rt
        .block_on(env.service.renew("Acme Shoes", &shoes, true))
        .unwrap();
    let login = Secret::new(env.control.token("alice_user_long"));
    env.rt
        .block_on(env.service.renew("Acme Travel", &login, true))
        .unwrap();
    let mut h = env.harness();

    select(&mut h, "Acme Shoes");
    assert!(has_text(&h, "Previous token, when last checked ("));
    assert!(has_text(&h, "): working."));
    assert!(!h.get_by_label("Roll back").accesskit_node().is_disabled());

    select(&mut h, "Acme Travel");
    assert!(has_text(&h, "): does not work. The token expired on"));
    assert!(
        h.get_by_label("Roll back").accesskit_node().is_disabled(),
        "a token known to be dead is not offered back"
    );
}

#[test]
fn a_roll_back_to_a_revoked_token_is_refused_and_the_token_stays() {
    let env = Env::new(&[SHOES]);
    let renewal = Secret::new(env.control.token("shoes_renewal"));
    env.rt
        .block_on(env.service.renew("Acme Shoes", &renewal, true))
        .unwrap();
    let current = env.fingerprint("Acme Shoes");
    // The token that was replaced stops working (its password changed, say).
    env.control.revoke("shoes_messenger");
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    assert!(has_text(
        &h,
        "Previous token: not checked since it was replaced."
    ));

    press(&mut h, "Roll back");
    press(&mut h, "Check and roll back");
    step_until(&mut h, "the refusal", |h| {
        has_text(
            h,
            "Nothing was changed: the channel keeps its current token.",
        )
    });
    assert!(has_text(&h, "was not put back"), "the refusal in words");
    assert_eq!(env.fingerprint("Acme Shoes"), current, "the token stays");

    press(&mut h, "Close");
    assert!(has_text(&h, "Previous token: does not work any more."));
    assert!(
        h.get_by_label("Roll back").accesskit_node().is_disabled(),
        "no second try with a token known not to work"
    );
}

#[test]
fn an_offline_check_shows_a_banner_and_keeps_the_last_known_facts() {
    let mut env = Env::new(&[SHOES, TRAVEL]);
    env.check_all_now();
    let mut h = env.harness();
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy");
    env.go_offline();
    h.get_by_label("Check all").click();
    step_until(&mut h, "the offline banner", |h| {
        has_label(
            h,
            "Could not reach Facebook — showing the last known facts.",
        )
    });
    assert_eq!(status_of(&h, "Acme Shoes"), "Healthy", "never turned red");
    assert_eq!(status_of(&h, "Acme Travel"), "Broken");
    // Not a silent green tick: the row and the details say the check failed, and when.
    let row = h.get_by_role_and_label(Role::ListItem, "Acme Shoes");
    let said = row
        .accesskit_node()
        .description()
        .unwrap_or_default()
        .to_string();
    assert!(said.contains("check failed just now"), "{said}");
    assert!(said.contains("Could not reach Facebook"), "{said}");
    select(&mut h, "Acme Shoes");
    assert!(has_label(
        &h,
        "The last check failed (just now): these are the last known facts."
    ));
}

/// Opens Add, names the channel `name`, picks the Acme app, pastes another token of Acme
/// Shoes' Page and waits for its facts.
fn validate_another_shoes_token(h: &mut App, env: &Env, name: &str) {
    h.get_by_label("Add channel…").click();
    h.run_ok();
    paste(h, "Name", name);
    h.get_by_role_and_label(Role::ComboBox, "App").click();
    h.run_ok();
    h.get_by_label("Acme Support (1000000000001)").click();
    h.run_ok();
    paste(h, "Token", &env.control.token("shoes_renewal"));
    h.get_by_label("Validate").click();
    step_until(h, "the token's facts", |h| {
        has_label(h, "Acme Shoes (500001)")
    });
}

#[test]
fn an_app_and_a_channel_are_added_through_the_forms() {
    // Not Acme Shoes: the form adds that Page, and a Page is saved once per kind.
    let env = Env::new(&[BOOKS]);
    let mut h = env.harness();

    h.get_by_label("Apps").click();
    h.run_ok();
    paste(&mut h, "App id", OTHER_APP_ID);
    paste(&mut h, "Name", "Other App");
    paste(&mut h, "App secret", OTHER_APP_SECRET);
    h.get_by_label("Save app").click();
    step_until(&mut h, "the saved app", |h| {
        has_label(h, "The app \"Other App\" is saved.")
    });
    assert!(has_label(&h, "App id 2000000000002"));
    assert!(!has_text(&h, OTHER_APP_SECRET), "the secret is never shown");

    h.get_by_label("Channels").click();
    h.run_ok();
    validate_another_shoes_token(&mut h, &env, "Acme Shoes Again");
    h.get_by_label("Save channel").click();
    step_until(&mut h, "the new row", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes Again")
            .is_some()
    });
    assert_eq!(status_of(&h, "Acme Shoes Again"), "Healthy");
}

#[test]
fn copy_token_puts_it_on_the_clipboard_with_a_countdown() {
    let env = Env::new(&[SHOES]);
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Copy token");
    step_until(&mut h, "the copy", |h| has_text(h, "Copied — clears in"));
    assert_eq!(
        env.clipboard.text(),
        Some(env.control.token("shoes_messenger"))
    );
}

#[test]
fn a_vault_asks_for_its_passphrase_and_shows_the_saved_channels_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile::resolve(Some(dir.path().join("p"))).unwrap();
    let vault =
        VaultStore::open_with_work_factor(&profile, Secret::new("right passphrase"), 12).unwrap();
    tokenwarden::store::SecretStore::set(&vault, &SecretRef::new_token(), &Secret::new("x"))
        .unwrap();
    CatalogFile::new(&profile)
        .update(|c: &mut Catalog| {
            c.channels.push(fixture().remove(0));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let dir_path = profile.dir.clone();
    let mut h = Harness::builder()
        .with_size([1100.0, 760.0])
        .with_max_steps(MAX_STEPS)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| {
            TokenwardenApp::new(cc, Startup::Profile(Some(dir_path)), pinned_options())
        });
    step_until(&mut h, "the passphrase question", |h| {
        has_label(h, "Unlock your tokens")
    });
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_some(),
        "the saved channels are readable before the vault is unlocked"
    );
    snapshot(&mut h, "unlock_light");

    paste(&mut h, "Passphrase", "wrong passphrase");
    h.get_by_label("Unlock").click();
    step_until(&mut h, "the wrong-passphrase message", |h| {
        has_text(h, "does not open the vault")
    });
    paste(&mut h, "Passphrase", "right passphrase");
    h.get_by_label("Unlock").click();
    step_until(&mut h, "the unlocked store", |h| {
        h.state().state().lock == Lock::Open(SecretStoreKind::Vault)
    });
}

// ---- snapshots: a fixed catalog and a pinned clock, so every pixel is reproducible ----

fn snapshots_in(theme: egui::Theme, suffix: &str) {
    let (mut h, _dir) = fixed_window(theme, DesktopOptions::quiet());
    snapshot(&mut h, &format!("list_{suffix}"));

    select(&mut h, "Acme Travel");
    snapshot(&mut h, &format!("details_{suffix}"));

    h.get_by_label("Renew the token").click();
    h.run_ok();
    snapshot(&mut h, &format!("renew_{suffix}"));
    h.get_by_label("Cancel").click();
    h.run_ok();

    h.get_by_label("Add channel…").click();
    h.run_ok();
    snapshot(&mut h, &format!("add_{suffix}"));
    h.get_by_label("Cancel").click();
    h.run_ok();

    h.get_by_label("Apps").click();
    h.run_ok();
    snapshot(&mut h, &format!("apps_{suffix}"));

    h.get_by_label("Settings").click();
    h.run_ok();
    snapshot(&mut h, &format!("settings_{suffix}"));

    // The remove and rename dialogs (issue 10).
    h.get_by_label("Channels").click();
    h.run_ok();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Remove…");
    snapshot(&mut h, &format!("remove_channel_{suffix}"));
    h.get_by_label("Cancel").click();
    h.run_ok();
    press(&mut h, "Rename…");
    snapshot(&mut h, &format!("rename_channel_{suffix}"));
    h.get_by_label("Cancel").click();
    h.run_ok();
    h.get_by_label("Apps").click();
    h.run_ok();
    press(&mut h, "Remove…");
    snapshot(&mut h, &format!("remove_app_{suffix}"));
    h.get_by_label("Cancel").click();
    h.run_ok();
}

#[test]
fn snapshots_light() {
    snapshots_in(egui::Theme::Light, "light");
}

#[test]
fn snapshots_dark() {
    snapshots_in(egui::Theme::Dark, "dark");
}

// ---- remove and rename (issue 10) ----

/// Replaces the text of the field labelled `field` with `text`, as a user selecting all first.
fn retype(h: &mut App, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run_ok();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Paste(text.to_string()));
    h.run_ok();
}

#[test]
fn removing_a_channel_asks_first_then_deletes_its_token_and_keeps_its_history() {
    let env = Env::new(&[SHOES, BOOKS]);
    let secret = {
        let catalog = CatalogFile::new(&env.profile).load().unwrap();
        catalog.channel("Acme Shoes").unwrap().token.secret.clone()
    };
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Remove…");
    assert!(has_label(&h, "Remove Acme Shoes?"));
    assert!(has_label(
        &h,
        "Its token is deleted from this computer; its history stays."
    ));
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_some(),
        "Cancel removes nothing"
    );

    press(&mut h, "Remove…");
    h.get_by_label("Remove").click();
    step_until(&mut h, "the row to go", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_none()
    });
    assert!(has_text(&h, "is removed and its tokens are deleted"));
    assert!(
        env.service.secrets().get(&secret).is_err(),
        "the token left the secret store"
    );
    let history = env.rt.block_on(env.service.history("Acme Shoes")).unwrap();
    assert!(matches!(
        history.last().map(|e| &e.event),
        Some(tokenwarden::store::HistoryEvent::Removed { .. })
    ));
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Books")
            .is_some()
    );
}

#[test]
fn renaming_a_channel_in_its_details_keeps_its_token() {
    let env = Env::new(&[SHOES, BOOKS]);
    let before = env.fingerprint("Acme Shoes");
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    press(&mut h, "Rename…");
    assert!(has_label(&h, "Rename Acme Shoes"));
    retype(&mut h, "New name", "Acme Books");
    h.get_by_label("Rename").click();
    step_until(&mut h, "the refusal", |h| has_text(h, "Pick another name"));

    retype(&mut h, "New name", "Shoes Messenger");
    h.get_by_label("Rename").click();
    step_until(&mut h, "the renamed row", |h| {
        h.query_by_role_and_label(Role::ListItem, "Shoes Messenger")
            .is_some()
    });
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Shoes")
            .is_none()
    );
    assert_eq!(env.fingerprint("Shoes Messenger"), before);
}

#[test]
fn an_app_in_use_cannot_be_removed_and_a_free_one_can_be_renamed_and_removed() {
    let env = Env::new(&[SHOES]);
    env.rt
        .block_on(env.service.add_app(
            OTHER_APP_ID,
            "Other App",
            Some(Secret::new(OTHER_APP_SECRET)),
            None,
        ))
        .unwrap();
    let mut h = env.harness();
    h.get_by_label("Apps").click();
    h.run_ok();

    // The first app is Acme Support, which Acme Shoes uses.
    h.get_all_by_label("Remove…").next().unwrap().click();
    h.run_ok();
    assert!(has_label(&h, "Remove the app Acme Support?"));
    assert!(has_text(
        &h,
        "cannot be removed while channels use it: Acme Shoes"
    ));
    assert!(h.get_by_label("Remove").accesskit_node().is_disabled());
    h.get_by_label("Cancel").click();
    h.run_ok();

    h.get_all_by_label("Rename…").nth(1).unwrap().click();
    h.run_ok();
    retype(&mut h, "New name", "Spare App");
    h.get_by_label("Rename").click();
    step_until(&mut h, "the new app name", |h| has_label(h, "Spare App"));

    h.get_all_by_label("Remove…").nth(1).unwrap().click();
    h.run_ok();
    assert!(has_label(&h, "Remove the app Spare App?"));
    h.get_by_label("Remove").click();
    step_until(&mut h, "the app to go", |h| !has_label(h, "Spare App"));
    let secret = tokenwarden::model::SecretRef::app_secret(OTHER_APP_ID);
    assert!(env.service.secrets().get(&secret).is_err());
}

#[test]
fn adding_a_page_that_is_already_saved_is_refused_in_the_form() {
    let env = Env::new(&[SHOES]);
    let mut h = env.harness();
    validate_another_shoes_token(&mut h, &env, "Shoes Again");
    h.get_by_label("Save channel").click();
    step_until(&mut h, "the refusal", |h| {
        has_text(
            h,
            "is already saved as the Messenger channel \"Acme Shoes\"",
        )
    });
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Shoes Again")
            .is_none()
    );
    let catalog = CatalogFile::new(&env.profile).load().unwrap();
    assert_eq!(catalog.channels.len(), 1);
}

/// A window whose Add dialog validated Alice's personal token: her Pages are listed.
fn alices_pages(env: &Env) -> App {
    let mut h = env.harness();
    h.get_by_label("Add channel…").click();
    h.run_ok();
    h.get_by_role_and_label(Role::ComboBox, "App").click();
    h.run_ok();
    h.get_by_label("Acme Support (1000000000001)").click();
    h.run_ok();
    paste(&mut h, "Token", &env.control.token("alice_user_long"));
    h.get_by_label("Validate").click();
    step_until(&mut h, "the login's Pages", |h| {
        has_label(h, "Pages that Alice Admin manages")
    });
    h
}

#[test]
fn a_user_token_lists_its_pages_and_the_two_ticked_become_channels() {
    let env = Env::new(&[SHOES]);
    let mut h = alices_pages(&env);
    // Every Page of the login, with its id; the saved one can't be ticked and says why.
    for (name, id) in [
        ("Acme Books", BOOKS_PAGE_ID),
        ("Acme Travel", TRAVEL_PAGE_ID),
        ("Acme Garden", GARDEN_PAGE_ID),
        ("Acme Toys", TOYS_PAGE_ID),
    ] {
        let label = format!("{name} ({id})");
        let tick = h.get_by_label(&label);
        assert!(!tick.accesskit_node().is_disabled(), "{name} can be ticked");
    }
    let label = format!("Acme Shoes ({SHOES_PAGE_ID})");
    assert!(h.get_by_label(&label).accesskit_node().is_disabled());
    assert!(has_text(
        &h,
        "Already saved as \"Acme Shoes\": renew that channel instead."
    ));
    assert!(has_text(&h, "Tasks: full control"), "the person's tasks");
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Name").is_none(),
        "each picked Page is named in the list, not in one Name field"
    );
    let save = |h: &App, label: &str| !h.get_by_label(label).accesskit_node().is_disabled();
    assert!(!save(&h, "Save channels"), "nothing ticked yet");

    press(&mut h, &format!("Acme Books ({BOOKS_PAGE_ID})"));
    press(&mut h, &format!("Acme Garden ({GARDEN_PAGE_ID})"));
    assert!(save(&h, "Save 2 channels"));
    h.get_by_label("Save 2 channels").click();
    step_until(&mut h, "the two new rows", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Books Messenger")
            .is_some()
            && h.query_by_role_and_label(Role::ListItem, "Acme Garden Messenger")
                .is_some()
    });
    assert!(has_text(
        &h,
        "2 channels are saved: \"Acme Books Messenger\", \"Acme Garden Messenger\"."
    ));
    assert!(
        !has_label(&h, "Pages that Alice Admin manages"),
        "the dialog closed"
    );

    // Each channel holds its own Page's token, not the pasted personal one.
    let catalog = CatalogFile::new(&env.profile).load().unwrap();
    assert_eq!(catalog.channels.len(), 3);
    let pasted = Secret::new(env.control.token("alice_user_long")).fingerprint();
    for (name, page) in [
        ("Acme Books Messenger", BOOKS_PAGE_ID),
        ("Acme Garden Messenger", GARDEN_PAGE_ID),
    ] {
        let c = catalog.channels.iter().find(|c| c.name == name).unwrap();
        assert_eq!(c.page_id.as_deref(), Some(page));
        assert_ne!(c.token.fingerprint, pasted);
        let report = c.last_report.as_ref().unwrap();
        assert_eq!(report.token_type, Some(TokenType::Page), "{name}");
    }
}

#[test]
fn a_picked_page_that_fails_says_why_and_the_others_are_saved() {
    let env = Env::new(&[SHOES]);
    let mut h = alices_pages(&env);
    press(&mut h, &format!("Acme Books ({BOOKS_PAGE_ID})"));
    press(&mut h, &format!("Acme Toys ({TOYS_PAGE_ID})"));
    // Another window adds Toys meanwhile: that Page is refused as a twin, Books is saved.
    env.seed(&TOYS);
    h.get_by_label("Save 2 channels").click();
    step_until(&mut h, "the results", |h| {
        has_text(h, "Saved as \"Acme Books Messenger\".")
    });
    assert!(has_text(
        &h,
        "is already saved as the Messenger channel \"Acme Toys\""
    ));
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Books Messenger")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::ListItem, "Acme Toys Messenger")
            .is_none()
    );
}

#[test]
fn a_channel_added_by_another_process_appears_without_losing_what_the_user_typed() {
    let env = Env::new(&[SHOES]);
    let mut h = env.harness();
    select(&mut h, "Acme Shoes");
    h.get_by_label("Search").click();
    h.run_ok();
    h.get_by_label("Search").type_text("acme");
    h.run_ok();
    let selected = h.state().state().selected.clone();
    assert!(selected.is_some(), "Acme Shoes is selected");
    h.get_by_label("Add channel…").click();
    h.run_ok();
    paste(&mut h, "Name", "Acme Hats");

    // What `tokenwarden add` in a terminal does to the profile while the window is open.
    env.seed(&TOYS);
    step_until_within(&mut h, Duration::from_secs(3), "the new channel", |h| {
        h.query_by_role_and_label(Role::ListItem, "Acme Toys")
            .is_some()
    });
    assert_eq!(
        h.get_by_label("Search").value().as_deref(),
        Some("acme"),
        "the search keeps what was typed"
    );
    assert_eq!(h.state().state().selected, selected, "the selection stays");
    assert_eq!(
        h.get_by_label("Name").value().as_deref(),
        Some("Acme Hats"),
        "the open dialog keeps what was typed"
    );
}

#[test]
fn tab_goes_through_the_window_in_reading_order_and_never_to_something_hidden() {
    let env = Env::new(&[SHOES, BOOKS, TRAVEL]);
    env.check_all_now();
    let size = [1280.0, 860.0];
    let mut h = env.loaded_window(size);
    select(&mut h, "Acme Travel");
    let mut stops = Vec::new();
    for _ in 0..30 {
        h.key_press(egui::Key::Tab);
        h.run_ok();
        let focused = h.root().children_recursive().find(|n| n.is_focused());
        let Some(node) = focused else {
            panic!("a Tab stop with no focused widget after {stops:?}");
        };
        let r = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        assert!(
            r.width() > 0.0 && r.height() > 0.0 && r.max.x <= size[0] && r.max.y <= size[1],
            "{label:?} has the focus but is not in view: {r:?}"
        );
        stops.push(label);
    }
    let at = |label: &str| {
        stops
            .iter()
            .position(|s| s == label)
            .unwrap_or_else(|| panic!("{label} is never reached: {stops:?}"))
    };
    // Top bar left to right, search, filters, list, details: the order a person reads the
    // window in.
    let order = [
        at("Channels"),
        at("Settings"),
        at("Add channel…"),
        at("Check all"),
        at("Search"),
        at("All (3)"),
        at("Healthy (1)"),
        at("Acme Travel"),
        at("Acme Shoes"),
        at("Renew the token"),
        at("Remove…"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{stops:#?}");
}

#[test]
fn a_dialog_opens_ready_to_type_and_gives_the_focus_back_when_it_closes() {
    let env = Env::new(&[SHOES]);
    let mut h = env.harness();
    let focused = |h: &App| {
        h.root()
            .children_recursive()
            .find(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
    };
    while focused(&h).as_deref() != Some("Add channel…") {
        h.key_press(egui::Key::Tab);
        h.run_ok();
    }
    h.key_press(egui::Key::Enter);
    h.run_ok();
    assert!(has_label(&h, "Add a channel"));
    assert_eq!(focused(&h).as_deref(), Some("Token"), "ready to paste");
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(!has_label(&h, "Add a channel"), "Escape closes the dialog");
    assert_eq!(focused(&h).as_deref(), Some("Add channel…"));
}

#[test]
fn a_dialog_opened_with_the_mouse_is_ready_to_type_too() {
    let env = Env::new(&[SHOES, TRAVEL]);
    env.check_all_now();
    let mut h = env.loaded_window([1280.0, 860.0]);
    select(&mut h, "Acme Travel");
    // A real pointer click (not an accessibility action), press and release in their own frames.
    let at = h.get_by_label("Renew the token").rect().center();
    h.event(egui::Event::PointerMoved(at));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run_ok();
    assert!(has_label(&h, "Renew the token of \"Acme Travel\""));
    let focused = h
        .root()
        .children_recursive()
        .find(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label());
    assert_eq!(focused.as_deref(), Some("New token"), "ready to paste");
}
