//! Settings on a team workspace: where the server is (never the password), who this member is
//! and the members with their roles, in English and in Spanish. The window's worker sends what
//! is shown (`Event::Team`); here it is set as the worker would, on the fixed catalog.

use crate::support;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use support::gui::*;
use tokenwarden::gui::DesktopOptions;
use tokenwarden::gui::data::team::TeamView;
use tokenwarden::store::workspace::Role;
use tokenwarden::words::{self, Lang};

fn team(my_role: Option<Role>) -> TeamView {
    TeamView {
        server: "db.desk.example:5432/support".into(),
        me: "bob".into(),
        my_role,
        members: vec![
            ("alice".into(), Role::Renewer),
            ("bob".into(), Role::Viewer),
        ],
        offline: false,
    }
}

fn shows(h: &App, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

#[test]
fn settings_show_the_workspace_this_member_and_the_members_with_roles() {
    words::set_thread_lang(Some(Lang::En));
    let (mut h, _dir) = fixed_window(egui::Theme::Light, DesktopOptions::quiet());
    assert!(
        !shows(&h, "Team workspace"),
        "a local profile shows no team"
    );
    h.state_mut().state_mut().team = Some(team(Some(Role::Viewer)));
    press(&mut h, "Settings");
    for label in [
        "Team workspace",
        "Server: db.desk.example:5432/support",
        "You are bob, viewer.",
        "Members",
        "alice: renewer",
        "bob: viewer",
        "A channel's history names the member who made each change.",
    ] {
        assert!(shows(&h, label), "{label:?} in {}", shown(&h));
    }

    // Not invited yet: said so, with what to do.
    h.state_mut().state_mut().team = Some(team(None));
    h.run_ok();
    assert!(
        h.query_all_by_label_contains("You are bob, not a member yet")
            .next()
            .is_some(),
        "{}",
        shown(&h)
    );
}

#[test]
fn the_team_section_speaks_spanish() {
    words::set_thread_lang(Some(Lang::Es));
    let (mut h, _dir) = fixed_window(egui::Theme::Light, DesktopOptions::quiet());
    h.state_mut().state_mut().team = Some(team(Some(Role::Renewer)));
    press(&mut h, "Ajustes");
    for label in [
        "Espacio de equipo",
        "Servidor: db.desk.example:5432/support",
        "Miembros",
        "Usted es bob, renovador.",
        "alice: renovador",
        "bob: observador",
    ] {
        assert!(shows(&h, label), "{label:?} in {}", shown(&h));
    }
}
