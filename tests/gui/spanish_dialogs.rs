//! The dialogs in Spanish at 1000×700 (issue 11), light and dark: add, renew with its verdict,
//! the Page picker, the device login, one login for a group, backup, restore, roll back,
//! remove, rename and creating the vault. Each is opened the way the window opens it (its state
//! set directly: the buttons that open them belong to other views), then no label may be cut by
//! the window's side or drawn over another (`assert_words_fit`), and it is snapshotted as
//! `es_<dialog>_<theme>.png`. Only this test's thread speaks Spanish.
//!
//! The window runs on the simulator (Acme's app with its secret, so tokens are checked the way
//! the debugger does) and a pinned clock; what still moves from run to run (the login code,
//! times of tokens the simulator minted, local times that depend on the machine's zone) is
//! masked in the snapshots.

use crate::support;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::gui::*;
use tokenwarden::gui::data::lock::Lock;
use tokenwarden::gui::views::add::AddDialog;
use tokenwarden::gui::views::backup::{BackupDialog, RestoreDialog};
use tokenwarden::gui::views::groups::GroupDialog;
use tokenwarden::gui::views::lifecycle::{LifecycleDialog, Target};
use tokenwarden::gui::views::renew::RenewDialog;
use tokenwarden::gui::views::rollback::RollbackDialog;
use tokenwarden::gui::worker::login_jobs::{LoginCommand, LoginEvent};
use tokenwarden::gui::worker::{Command, UnlockNeed};
use tokenwarden::gui::{DesktopOptions, Startup, TokenwardenApp};
use tokenwarden::model::{Channel, ChannelKind, ReasonCode, Secret};
use tokenwarden::service::groups::RootCauseGroup;
use tokenwarden::sim::scenario::*;
use tokenwarden::store::{Catalog, CatalogFile};
use tokenwarden::words::{self, Lang, t, t_args};

/// The test thread speaks Spanish while this lives (even when the test fails).
struct Spanish;

impl Spanish {
    fn speak() -> Spanish {
        words::set_thread_lang(Some(Lang::Es));
        Spanish
    }
}

impl Drop for Spanish {
    fn drop(&mut self) {
        words::set_thread_lang(None);
    }
}

/// The login tests' catalog (Acme Shoes, healthy; Acme Travel, expired), Acme Shoes with the
/// id `shoes_id`.
fn fixture(shoes_id: &str) -> Vec<Channel> {
    let mut channels = crate::login::fixture();
    channels[0].id = shoes_id.into();
    channels
}

/// The window in Spanish at 1000×700 on the simulator's profile with the fixed channels and
/// the pinned clock.
fn window(env: &Env, shoes_id: &str, theme: egui::Theme) -> App {
    env.update(|c: &mut Catalog| c.channels = fixture(shoes_id));
    let service = env.service.clone();
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_max_steps(MAX_STEPS)
        .with_theme(theme)
        .wgpu()
        .build_eframe(move |cc| {
            TokenwardenApp::with_desktop(
                cc,
                Startup::Service(service),
                pinned_options(),
                DesktopOptions::quiet(),
            )
        });
    step_until(&mut h, "the channels to load", |h| {
        h.state().state().is_open() && h.state().state().table.len() == 2
    });
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run_ok();
    h
}

/// Covers what differs from run to run: the login code and spinners (as the login tests do),
/// the backup's temporary folder, and times (the simulator mints its tokens at the real time;
/// local times depend on the machine's zone).
fn mask_moving_parts(h: &mut App) {
    crate::login::mask_moving_parts(h);
    let moving: Vec<egui::Rect> = h
        .root()
        .children_recursive()
        .filter(|n| {
            let a = n.accesskit_node();
            let text = a.label().or_else(|| a.value()).unwrap_or_default();
            // The restored file lies in a new temporary folder each run.
            text.contains(".twbackup") || text.contains("UTC")
        })
        .map(|n| n.rect())
        .collect();
    for rect in moving {
        h.mask(rect);
    }
}

/// Its picture, then no Spanish word may be cut or covered in the open dialog.
fn check(h: &mut App, name: &str, suffix: &str) {
    h.remove_cursor();
    h.run_ok();
    mask_moving_parts(h);
    h.snapshot(format!("es_{name}_{suffix}"));
    assert_words_fit(h);
}

/// The token box's Validate button (its words belong to the shared widget).
fn press_validate(h: &mut App) {
    let label = [t("guide-validate-title"), "Validate".to_string()]
        .into_iter()
        .find(|l| h.query_by_role_and_label(Role::Button, l).is_some())
        .expect("a Validate button");
    press(h, &label);
}

/// A backup made on another profile of Acme Shoes and Acme Books, planned on `env`'s, whose
/// Acme Shoes (`shoes_id`) holds an older token: Books would be added, Shoes replaced.
fn backup_elsewhere() -> (Env, std::path::PathBuf, Secret) {
    let source = Env::new(&[
        ("Acme Shoes", "shoes_messenger", SHOES_PAGE_ID),
        ("Acme Books", "books_expiring", BOOKS_PAGE_ID),
    ]);
    let file = source.dir.path().join("tokens.twbackup");
    let passphrase = Secret::new("una frase de prueba larga");
    source
        .rt
        .block_on(source.service.backup_to(&file, &passphrase))
        .unwrap();
    (source, file, passphrase)
}

fn dialogs_in(theme: egui::Theme, suffix: &str) {
    let _spanish = Spanish::speak();
    let (source, file, passphrase) = backup_elsewhere();
    let shoes_id = CatalogFile::new(&source.profile)
        .load()
        .unwrap()
        .channels
        .iter()
        .find(|c| c.name == "Acme Shoes")
        .map(|c| c.id.clone())
        .expect("the backup's Acme Shoes");
    let env = Env::start(&[] as &[Seed], Some(ACME_CLIENT_TOKEN), WAIT);
    let mut h = window(&env, &shoes_id, theme);
    let apps = h.state().state().apps.clone();

    // Add, then a person's token in it: the Pages of that login to pick from.
    h.state_mut().state_mut().add = Some(AddDialog::new(&apps));
    h.run_ok();
    assert!(has_label(&h, &t("add-title")));
    check(&mut h, "add", suffix);
    paste(
        &mut h,
        &t("add-token"),
        &env.control.token("alice_user_long"),
    );
    press_validate(&mut h);
    let heading = t_args("picker-heading", &[("person", "Alice Admin".into())]);
    step_until(&mut h, "Alice's Pages", |h| has_label(h, &heading));
    check(&mut h, "page_picker", suffix);
    h.state_mut().state_mut().add = None;

    // Renew with another Page's token: the verdict says whose it is, and nothing else.
    h.state_mut().state_mut().renew = Some(RenewDialog::new(shoes_id.clone(), None));
    h.run_ok();
    paste(
        &mut h,
        &t("renew-new-token"),
        &env.control.token("bikes_page"),
    );
    press_validate(&mut h);
    let verdict = "Este es el token de Bob's Bikes, no el de Acme Shoes";
    step_until(&mut h, "the verdict", |h| has_label(h, verdict));
    assert!(has_text(&h, "Consiga el token de la Página correcta."));
    assert!(!has_text(&h, "falta"), "no permission complaint");
    // The side-by-side facts are labelled in Spanish too (below the fold at this size).
    for (es, en) in [("Válido", "Valid"), ("Huella", "Fingerprint")] {
        assert!(has_label(&h, es) && !has_label(&h, en), "{es} / {en}");
    }
    check(&mut h, "renew", suffix);
    h.state_mut().state_mut().renew = None;

    // Logging in from Renew: the code and the message for a customer.
    h.state_mut().state_mut().renew = Some(RenewDialog::new(shoes_id.clone(), None));
    h.run_ok();
    press(&mut h, &t("dialog-login-title"));
    let copy = t("device-copy-code");
    step_until(&mut h, "the login code", |h| has_label(h, &copy));
    check(&mut h, "login", suffix);
    h.state_mut().state_mut().renew = None;

    // One login for a group, waiting for its code to be entered.
    let group = RootCauseGroup {
        reason: ReasonCode::PasswordChanged,
        user_id: ALICE_ID.into(),
        app_id: Some(ACME_APP_ID.into()),
        channel_ids: vec![shoes_id.clone(), "id-acme-travel".into()],
        channel_names: vec!["Acme Shoes".into(), "Acme Travel".into()],
    };
    let (mut dialog, command) =
        GroupDialog::start(group, ACME_APP_ID.into(), ChannelKind::Messenger);
    let Command::Login(LoginCommand::DeviceLogin { ticket, .. }) = command else {
        panic!("a group starts with a device login");
    };
    dialog.on_login(&LoginEvent::Code {
        ticket,
        user_code: "ABCD1234".into(),
        verification_uri: "https://www.facebook.com/device".into(),
        interval: 5,
    });
    h.state_mut().state_mut().flows.group = Some(dialog);
    h.run_ok();
    check(&mut h, "group", suffix);
    h.state_mut().state_mut().flows.group = None;

    h.state_mut().state_mut().backup = Some(BackupDialog::default());
    h.run_ok();
    check(&mut h, "backup", suffix);
    h.state_mut().state_mut().backup = None;

    let plan = env
        .rt
        .block_on(env.service.plan_restore(&file, &passphrase));
    let mut restore = RestoreDialog::new(file.clone());
    restore.planned(Ok(Box::new(plan.unwrap())));
    h.state_mut().state_mut().restore = Some(restore);
    h.run_ok();
    check(&mut h, "restore", suffix);
    h.state_mut().state_mut().restore = None;

    h.state_mut().state_mut().rollback = Some(RollbackDialog {
        channel_id: shoes_id.clone(),
        name: "Acme Shoes".into(),
        current: Secret::new("EAA-current").fingerprint(),
        previous: Secret::new("EAA-previous").fingerprint(),
        busy: false,
        problem: None,
    });
    h.run_ok();
    check(&mut h, "rollback", suffix);
    h.state_mut().state_mut().rollback = None;

    let shoes = Target::Channel {
        id: shoes_id.clone(),
        name: "Acme Shoes".into(),
        has_previous: true,
    };
    for (name, rename) in [("remove", false), ("rename", true)] {
        let dialog = LifecycleDialog::open(shoes.clone(), rename);
        h.state_mut().state_mut().lifecycle = Some(dialog);
        h.run_ok();
        check(&mut h, name, suffix);
        h.state_mut().state_mut().lifecycle = None;
    }

    h.state_mut().state_mut().lock = Lock::Locked {
        need: UnlockNeed::VaultPassphrase { exists: false },
        problem: None,
        dismissed: false,
        busy: false,
    };
    h.run_ok();
    assert!(has_label(&h, &t("unlock-title-create")));
    check(&mut h, "create_vault", suffix);
}

#[test]
fn spanish_dialogs_fit_at_1000_by_700_light() {
    dialogs_in(egui::Theme::Light, "light");
}

#[test]
fn spanish_dialogs_fit_at_1000_by_700_dark() {
    dialogs_in(egui::Theme::Dark, "dark");
}
