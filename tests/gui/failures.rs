//! When the desktop fails the user: a browser that does not open leaves the link to copy where
//! the user clicked, in plain words; a profile folder that does not open says folder.

use crate::support;

use eframe::egui;
use egui_kittest::kittest::{NodeT, Queryable};
use support::gui::*;
use tokenwarden::gui::DesktopOptions;
use tokenwarden::gui::platform::browser::LAUNCHER_FAILURE;
use tokenwarden::gui::platform::dialogs::{NoDialogs, documents_dir};
use tokenwarden::model::ChannelKind;
use tokenwarden::sim::scenario::{ACME_APP_ID, GARDEN_PAGE_ID};

const GARDEN: KindSeed = (
    "Acme Garden",
    ChannelKind::Messenger,
    "garden_password",
    GARDEN_PAGE_ID,
    "Acme Garden",
);

const NOT_OPENED: &str = "Your browser didn't open. Copy this link:";

/// No launcher name or exit status anywhere in the window.
fn no_launcher_words(h: &App) {
    for jargon in [LAUNCHER_FAILURE, "xdg-open", "exit status"] {
        assert!(!has_text(h, jargon), "{jargon:?} is shown:\n{}", shown(h));
    }
}

#[test]
fn a_browser_that_does_not_open_leaves_the_link_to_copy_where_the_user_clicked() {
    let env = Env::new(&[GARDEN]);
    env.check_all_now();
    env.browser.fail_from_now();
    let mut h = env.loaded_window([1280.0, 860.0]);
    select(&mut h, "Acme Garden");
    assert!(!has_text(&h, NOT_OPENED), "nothing failed yet");

    // The remedy opens the app's Messenger settings and the renew dialog: the link is there.
    press(&mut h, "Log in again and renew");
    assert!(has_label(&h, "Renew the token of \"Acme Garden\""));
    let settings = format!("/apps/{ACME_APP_ID}/messenger/settings/");
    assert!(has_one_text(&h, NOT_OPENED), "{}", shown(&h));
    let link = h
        .query_all_by_label_contains(&settings)
        .find_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value()).map(|l| l.to_string())
        })
        .expect("the link is shown in the dialog");
    assert!(
        link.starts_with("https://developers.facebook.com"),
        "{link}"
    );
    no_launcher_words(&h);
    press(&mut h, "Copy the link");
    assert_eq!(env.clipboard.text().as_deref(), Some(link.as_str()));
    assert!(env.browser.urls().is_empty(), "nothing was opened");

    // Closing the dialog drops the offer; the details' own link offers its address below it.
    press(&mut h, "Cancel");
    assert!(!has_text(&h, NOT_OPENED), "{}", shown(&h));
    press(&mut h, "Access Token Debugger");
    assert!(has_one_text(&h, NOT_OPENED), "{}", shown(&h));
    assert!(has_text(
        &h,
        "https://developers.facebook.com/tools/debug/accesstoken/"
    ));
    no_launcher_words(&h);

    // The profile folder is a folder, not a browser.
    press(&mut h, "Settings");
    assert!(!has_text(&h, NOT_OPENED), "another page drops the offer");
    press(&mut h, "Open the profile folder");
    assert!(
        has_text(&h, "The profile folder did not open"),
        "{}",
        shown(&h)
    );
    assert!(!has_text(&h, "browser"), "{}", shown(&h));
    no_launcher_words(&h);
}

/// Selects everything in the field labelled `field` and types `text` over it.
fn retype(h: &mut App, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run_ok();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Paste(text.to_string()));
    h.run_ok();
}

#[test]
fn without_a_file_dialog_the_path_is_typed_from_the_documents_folder_and_the_result_says_where() {
    let env = Env::new(&[GARDEN]);
    let desktop = DesktopOptions {
        notifier: None,
        files: Box::new(NoDialogs),
    };
    let mut h = env.window([1280.0, 860.0], desktop);
    step_until(&mut h, "the channels", |h| {
        h.state().state().is_open() && !h.state().state().table.is_empty()
    });
    press(&mut h, "Settings");
    press(&mut h, "Export report…");
    assert!(has_text(&h, "no file dialog"), "{}", shown(&h));
    let suggested = documents_dir().join("tokenwarden-report.json");
    let field = h.get_by_label("File").accesskit_node();
    assert_eq!(
        field.value().as_deref(),
        Some(suggested.display().to_string().as_str())
    );

    let target = env.dir.path().join("for-support.json");
    retype(&mut h, "File", &target.display().to_string());
    press(&mut h, "Save here");
    let said = format!("Report saved to {}.", target.display());
    step_until(&mut h, "the saved report", |h| has_text(h, &said));
    assert!(target.is_file(), "the report is where the window says");
    assert!(!has_text(&h, "no file dialog"), "the path field is gone");
}
