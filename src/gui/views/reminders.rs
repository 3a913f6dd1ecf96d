//! Reminders in the window: the snooze control of a channel's details ("Reminders snoozed
//! until …") and the Settings card with how often the running app checks and how many days
//! ahead it warns. The schedule itself runs in the worker (`desktop_jobs`).

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::Ui;

use crate::gui::data::desktop::DesktopState;
use crate::gui::intents::UiCommand;
use crate::gui::intents::{DesktopAction, desktop as act};
use crate::gui::theme;
use crate::words::{t, t_args};

/// The snooze row under a channel's diagnosis.
pub fn snooze_row(
    ui: &mut Ui,
    desktop: &DesktopState,
    channel: &str,
    now: DateTime<Utc>,
    can_act: bool,
    out: &mut Vec<UiCommand>,
) {
    let snooze = |days: Option<i64>| {
        act(DesktopAction::Snooze {
            channel: channel.to_string(),
            days,
        })
    };
    ui.add_space(theme::SMALL_GAP);
    ui.horizontal_wrapped(|ui| match desktop.snoozed_until(channel, now) {
        Some(until) => {
            ui.label(t_args(
                "snooze-until",
                &[("until", crate::words::time::at(until).into())],
            ));
            if ui
                .add_enabled(can_act, egui::Button::new(t("snooze-off")))
                .on_hover_text(t("snooze-off-hover"))
                .clicked()
            {
                out.push(snooze(None));
            }
        }
        None => {
            ui.label(theme::weak(ui, t("snooze-label")));
            for days in [1, 7] {
                let words = t_args("snooze-days", &[("count", days.into())]);
                if ui
                    .add_enabled(can_act, egui::Button::new(words))
                    .on_hover_text(t("snooze-hover"))
                    .clicked()
                {
                    out.push(snooze(Some(days)));
                }
            }
        }
    });
}

/// The Settings card: check interval and lead time, saved together.
pub fn settings_card(
    ui: &mut Ui,
    desktop: &mut DesktopState,
    can_act: bool,
    out: &mut Vec<UiCommand>,
) {
    theme::section_title(ui, &t("reminders-title"));
    theme::card(ui, |ui| {
        ui.add(egui::Label::new(t("reminders-intro")).wrap());
        let saved = desktop.local.reminders;
        let form = desktop.reminder_form.get_or_insert(saved);
        theme::form_grid(ui, "reminder-settings", |ui| {
            let label = ui.label(t("reminders-interval"));
            ui.add(egui::DragValue::new(&mut form.interval_hours).range(1..=168))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t("reminders-lead"));
            ui.add(egui::DragValue::new(&mut form.lead_days).range(1..=60))
                .labelled_by(label.id);
            ui.end_row();
        });
        let changed = *form != saved;
        let settings = *form;
        ui.horizontal(|ui| {
            let enabled = can_act && changed && !desktop.saving_reminders;
            if ui
                .add_enabled(enabled, egui::Button::new(t("reminders-save")))
                .clicked()
            {
                out.push(act(DesktopAction::SaveReminders(settings)));
            }
            if desktop.saving_reminders {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
        ui.add(egui::Label::new(theme::weak(ui, t("reminders-snooze-note"))).wrap());
    });
}
