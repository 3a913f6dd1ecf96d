//! The window's frame: the top bar (pages, "Add channel", "Check all" with progress and
//! Cancel), the banners (notices, the offline banner, a locked store), the page in the middle,
//! and whichever dialog is open.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::app::state::AppState;
use crate::gui::data::first_run::Steps;
use crate::gui::data::lock::Lock;
use crate::gui::data::notices::NoticeKind;
use crate::gui::intents::{Page, UiCommand};
use crate::gui::theme;
use crate::gui::views::apps;
use crate::gui::views::details::{self, DetailsInput};
use crate::gui::views::list::{self, ListInput};
use crate::gui::views::renew::RenewInput;
use crate::gui::views::settings::{self, SettingsInput};
use crate::gui::views::unlock;
use crate::model::FailureKind;
use crate::words::{t, t_args};

pub fn show(
    ui: &mut Ui,
    state: &mut AppState,
    now: DateTime<Utc>,
    copied: Option<(String, u64)>,
    out: &mut Vec<UiCommand>,
) {
    // An opened support report takes the whole window, read-only, until it is closed.
    if let Some(report) = &mut state.report {
        return crate::gui::views::report_view::show(ui, report, now, out);
    }
    egui::Panel::top("top-bar")
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(theme::TOP_BAR_MARGIN))
        .show(ui, |ui| top_bar(ui, state, out));
    if has_banners(state) {
        egui::Panel::top("banners")
            .show_separator_line(false)
            .show(ui, |ui| banners(ui, state, out));
    }
    let can_act = state.is_open();
    match state.page {
        Page::Channels => channels_page(ui, state, now, copied, can_act, out),
        Page::Apps => {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    apps::show(ui, &state.apps, &mut state.app_form, can_act, out);
                    theme::follow_focus(ui);
                });
            });
        }
        Page::Settings => {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let input = SettingsInput {
                        profile_dir: state.profile_dir.as_deref(),
                        team: state.team.as_ref(),
                        lock: &state.lock,
                        exporting: state.exporting,
                    };
                    settings::show(ui, &mut state.prefs, &mut state.desktop, &input, out);
                    theme::follow_focus(ui);
                });
            });
        }
    }
    dialogs(ui, state, now, out);
}

fn dialogs(ui: &mut Ui, state: &mut AppState, now: DateTime<Utc>, out: &mut Vec<UiCommand>) {
    let can_act = state.is_open();
    if let Some(dialog) = &mut state.renew {
        match state.table.get(&dialog.channel_id) {
            Some(view) => {
                let app_id = view.channel.app_id.as_deref();
                let input = RenewInput {
                    view,
                    app: state.apps.iter().find(|a| Some(a.id.as_str()) == app_id),
                    now,
                    can_save: can_act,
                };
                dialog.show(ui, &input, out);
            }
            None => out.push(UiCommand::CloseRenew),
        }
    }
    if let Some(dialog) = &mut state.add {
        dialog.show(ui, &state.apps, now, can_act, out);
    }
    if let Some(dialog) = &mut state.flows.group {
        dialog.show(ui, now, out);
    }
    let guide = state.flows.guide.as_deref();
    if let Some(view) = guide.and_then(|id| state.table.get(id)) {
        crate::gui::views::guide::show(ui, view, &state.apps, now, out);
    }
    if let Some(dialog) = &mut state.backup {
        crate::gui::views::backup::show_backup(ui, dialog, out);
    }
    if let Some(dialog) = &mut state.restore {
        crate::gui::views::backup::show_restore(ui, dialog, out);
    }
    if let Some(entry) = &mut state.desktop.typing {
        crate::gui::views::path_entry::show(ui, entry, out);
    }
    if let Some(dialog) = &mut state.lifecycle {
        crate::gui::views::lifecycle::show(ui, dialog, can_act, out);
    }
    if let Some(dialog) = &state.rollback {
        crate::gui::views::rollback::show(ui, dialog, can_act, out);
    }
    if let Lock::Locked {
        need,
        problem,
        dismissed: false,
        busy,
    } = &state.lock
    {
        unlock::show(
            ui,
            &mut state.unlock_form,
            need,
            problem.as_deref(),
            *busy,
            out,
        );
    }
}

/// The list, and the selected channel's details beside it.
fn channels_page(
    ui: &mut Ui,
    state: &mut AppState,
    now: DateTime<Utc>,
    copied: Option<(String, u64)>,
    can_act: bool,
    out: &mut Vec<UiCommand>,
) {
    let list_input = ListInput {
        selected: state.selected.as_deref(),
        now,
        can_add: can_act,
    };
    let shown = state
        .selected
        .as_deref()
        .is_some_and(|id| state.table.get(id).is_some());
    let first_run = state.first_run.map(|f| Steps {
        app: !state.apps.is_empty(),
        channel: !state.table.is_empty(),
        checked: f.checked,
    });
    let (table, filter, flows) = (&mut state.table, &mut state.prefs.filter, &state.flows);
    let mut list_column = |ui: &mut Ui, out: &mut Vec<UiCommand>| {
        if let Some(steps) = first_run {
            crate::gui::views::first_run::show(ui, steps, can_act, out);
            if table.is_empty() {
                // The checklist is the empty state.
                return;
            }
        }
        crate::gui::views::groups::cards(ui, table, flows, can_act, out);
        list::show(ui, table, filter, &list_input, out);
    };
    if !shown {
        egui::CentralPanel::default().show(ui, |ui| list_column(ui, out));
        return;
    }
    // The list keeps the room its filters need, whatever the splitter says.
    let room = (ui.available_width() - theme::LIST_MIN_WIDTH).max(theme::DETAILS_MIN_WIDTH);
    // The list is laid out before the details pane (in the room the pane took last
    // frame), so Tab goes from the filters through the list to the details, as read.
    let panel_id = ui.scope_id().with("details");
    let width = egui::containers::panel::PanelState::load(ui.ctx(), panel_id)
        .map_or(theme::DETAILS_WIDTH, |p| p.size().x)
        .clamp(theme::DETAILS_MIN_WIDTH, room);
    let full = ui.available_rect_before_wrap();
    let list_rect = egui::Rect::from_min_max(full.min, egui::pos2(full.max.x - width, full.max.y));
    let mut list_ui = ui.new_child(egui::UiBuilder::new().max_rect(list_rect));
    egui::Frame::central_panel(list_ui.style()).show(&mut list_ui, |ui| {
        ui.set_min_size(ui.available_size());
        list_column(ui, out);
    });
    let Some(view) = state.selected.as_deref().and_then(|id| state.table.get(id)) else {
        return;
    };
    let input = DetailsInput {
        view,
        apps: &state.apps,
        now,
        checking: state.checking.contains(&view.channel.id),
        checking_all: state.check_all.is_some(),
        rolling_back: state.rolling_back.contains(&view.channel.id),
        previous: crate::gui::views::rollback::previous_health(
            &state.dead_previous,
            &state.thresholds,
            &view.channel,
            now,
        ),
        can_act,
        copied_for: copied
            .as_ref()
            .filter(|(id, _)| *id == view.channel.id)
            .map(|(_, s)| *s),
        desktop: Some(&state.desktop),
    };
    egui::Panel::right("details")
        .default_size(theme::DETAILS_WIDTH.min(room))
        .min_size(theme::DETAILS_MIN_WIDTH)
        .max_size(room)
        .resizable(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("details-scroll")
                .show(ui, |ui| {
                    details::show(ui, &input, out);
                    theme::follow_focus(ui);
                });
        });
}

fn top_bar(ui: &mut Ui, state: &AppState, out: &mut Vec<UiCommand>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Tokenwarden")
                .strong()
                .size(theme::BRAND_SIZE),
        );
        if state.lock == Lock::Open(crate::store::SecretStoreKind::Memory) {
            ui.label(theme::weak(ui, t("top-demo")))
                .on_hover_text(t("top-demo-hover"));
        }
        ui.add_space(theme::WIDE_GAP);
        for (page, words) in [
            (Page::Channels, t("page-channels")),
            (Page::Apps, t("page-apps")),
            (Page::Settings, t("page-settings")),
        ] {
            if ui.selectable_label(state.page == page, words).clicked() {
                out.push(UiCommand::ShowPage(page));
            }
        }
        // The right-hand group is laid out left to right, so Tab walks the whole bar as it is
        // read; it is pushed to the right edge by its width in the previous frame.
        let width_id = ui.scope_id().with("top-bar-right");
        let last_width = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(width_id))
            .unwrap_or(0.0);
        ui.add_space((ui.available_width() - last_width).max(0.0));
        let width = ui
            .horizontal(|ui| top_bar_actions(ui, state, out))
            .response
            .rect
            .width();
        if (width - last_width).abs() > 0.5 {
            ui.ctx().data_mut(|d| d.insert_temp(width_id, width));
            ui.ctx().request_repaint();
        }
    });
}

/// Add channel…, then Check all (or the running check's progress and Cancel).
fn top_bar_actions(ui: &mut Ui, state: &AppState, out: &mut Vec<UiCommand>) {
    let blocked = team_blocks_changes(state);
    let can_act = state.is_open() && blocked.is_none();
    let why = blocked.map(t).unwrap_or_default();
    if ui
        .add_enabled(can_act, egui::Button::new(t("top-add-channel")))
        .on_disabled_hover_text(&why)
        .clicked()
    {
        out.push(UiCommand::OpenAdd);
    }
    match &state.check_all {
        Some(run) => {
            let fraction = if run.total == 0 {
                0.0
            } else {
                run.done as f32 / run.total as f32
            };
            let text = t_args(
                "top-checking",
                &[("done", run.done.into()), ("total", run.total.into())],
            );
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(theme::PROGRESS_WIDTH)
                    .text(text),
            );
            let cancel = ui.add_enabled(!run.cancelling, egui::Button::new(t("top-cancel")));
            if cancel.clicked() {
                out.push(UiCommand::CancelCheck);
            }
        }
        None => {
            let check = ui
                .add_enabled(
                    can_act && !state.table.is_empty(),
                    egui::Button::new(t("top-check-all")),
                )
                .on_hover_text(t("top-check-all-hover"))
                .on_disabled_hover_text(&why);
            if check.clicked() {
                out.push(UiCommand::CheckAll);
            }
        }
    }
}

/// On a team workspace, why this window cannot add or check right now: the server is away, or
/// this member is a viewer (health and history only). The worker would refuse either anyway.
fn team_blocks_changes(state: &AppState) -> Option<&'static str> {
    if state.team_offline_since.is_some() {
        Some("top-blocked-offline")
    } else if is_viewer(state) {
        Some("top-blocked-viewer")
    } else {
        None
    }
}

fn is_viewer(state: &AppState) -> bool {
    state
        .team
        .as_ref()
        .is_some_and(|team| team.my_role == Some(crate::store::workspace::Role::Viewer))
}

fn has_banners(state: &AppState) -> bool {
    matches!(state.lock, Lock::Opening)
        || state.team_offline_since.is_some()
        || is_viewer(state)
        || state.desktop.clock_warning.is_some()
        || !state.notices.is_empty()
        || state.table.failed_checks().is_some()
        || matches!(
            state.lock,
            Lock::Locked {
                dismissed: true,
                ..
            }
        )
}

fn banners(ui: &mut Ui, state: &AppState, out: &mut Vec<UiCommand>) {
    ui.add_space(theme::SMALL_GAP);
    if matches!(state.lock, Lock::Opening) {
        theme::callout(ui, theme::Tone::Info, |ui| {
            ui.horizontal(|ui| {
                crate::gui::theme::spinner::spinner(ui);
                ui.label(t("banner-opening"));
            });
        });
    }
    if let Some(since) = state.team_offline_since {
        theme::callout(ui, theme::Tone::Warning, |ui| {
            ui.label(RichText::new(t("banner-team-offline")).strong());
            ui.horizontal_wrapped(|ui| {
                let when = crate::words::time::at(since);
                ui.label(t_args("banner-team-offline-text", &[("when", when.into())]));
                if ui.button(t("banner-team-try-again")).clicked() {
                    out.push(UiCommand::Worker(crate::gui::worker::Command::Reload));
                }
            });
        });
    }
    if is_viewer(state) {
        theme::callout(ui, theme::Tone::Info, |ui| {
            ui.add(egui::Label::new(t("banner-team-viewer")).wrap());
        });
    }
    if let Some(problem) = &state.desktop.clock_warning {
        theme::callout(ui, theme::Tone::Warning, |ui| {
            ui.label(RichText::new(t("banner-clock-title")).strong());
            ui.add(egui::Label::new(crate::words::clock::warning(problem)).wrap());
        });
    }
    if let Some((kind, n)) = state.table.failed_checks() {
        let (headline, advice) = match kind {
            FailureKind::Network => ("banner-offline-network", "banner-advice-network"),
            FailureKind::RateLimited => {
                ("banner-offline-rate-limited", "banner-advice-rate-limited")
            }
            FailureKind::Service => ("banner-offline-service", "banner-advice-service"),
        };
        let (headline, advice) = (t(headline), t(advice));
        theme::callout(ui, theme::Tone::Warning, |ui| {
            ui.label(RichText::new(headline).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(t_args(
                    "banner-not-checked",
                    &[("count", n.into()), ("advice", advice.into())],
                ));
                let can = state.is_open() && state.check_all.is_none();
                if ui
                    .add_enabled(can, egui::Button::new(t("remedy-check-again")))
                    .clicked()
                {
                    out.push(UiCommand::CheckAll);
                }
            });
        });
    }
    if matches!(
        state.lock,
        Lock::Locked {
            dismissed: true,
            ..
        }
    ) {
        theme::callout(ui, theme::Tone::Info, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(t("banner-locked"));
                if ui.button(state.lock.open_words()).clicked() {
                    out.push(UiCommand::ShowUnlock);
                }
            });
        });
    }
    for (i, notice) in state.notices.iter().enumerate() {
        let tone = match notice.kind {
            NoticeKind::Info => theme::Tone::Info,
            NoticeKind::Success => theme::Tone::Success,
            NoticeKind::Error => theme::Tone::Error,
        };
        let opacity = notice.opacity(std::time::Instant::now());
        ui.scope(|ui| {
            ui.multiply_opacity(opacity);
            theme::callout(ui, tone, |ui| {
                ui.horizontal(|ui| {
                    let width = ui.available_width() - theme::NOTICE_BUTTON_ROOM;
                    let width = width.max(theme::NOTICE_TEXT_MIN_WIDTH);
                    ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
                        ui.add(egui::Label::new(&notice.text).wrap());
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(t("banner-dismiss")).clicked() {
                            out.push(UiCommand::Dismiss(i));
                        }
                    });
                });
            });
        });
    }
    ui.add_space(theme::SMALL_GAP);
}
