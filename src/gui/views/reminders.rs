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
            ui.label(format!(
                "Reminders snoozed until {}",
                until.format("%Y-%m-%d %H:%M UTC")
            ));
            if ui
                .add_enabled(can_act, egui::Button::new("Snooze off"))
                .on_hover_text("Remind me about this channel again from now on")
                .clicked()
            {
                out.push(snooze(None));
            }
        }
        None => {
            ui.label(theme::weak(ui, "Reminders:"));
            for (days, words) in [(1, "Snooze 1 day"), (7, "Snooze 7 days")] {
                if ui
                    .add_enabled(can_act, egui::Button::new(words))
                    .on_hover_text("No desktop reminder about this channel for a while")
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
    theme::section_title(ui, "Reminders");
    theme::card(ui, |ui| {
        ui.label(
            "While Tokenwarden is open it checks every channel on a schedule and shows a \
             desktop notification when one breaks or needs attention.",
        );
        let saved = desktop.local.reminders;
        let form = desktop.reminder_form.get_or_insert(saved);
        theme::form_grid(ui, "reminder-settings", |ui| {
            let label = ui.label("Check every (hours)");
            ui.add(egui::DragValue::new(&mut form.interval_hours).range(1..=168))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Remind before expiry (days)");
            ui.add(egui::DragValue::new(&mut form.lead_days).range(1..=60))
                .labelled_by(label.id);
            ui.end_row();
        });
        let changed = *form != saved;
        let settings = *form;
        ui.horizontal(|ui| {
            let enabled = can_act && changed && !desktop.saving_reminders;
            if ui
                .add_enabled(enabled, egui::Button::new("Save reminder settings"))
                .clicked()
            {
                out.push(act(DesktopAction::SaveReminders(settings)));
            }
            if desktop.saving_reminders {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
        ui.label(theme::weak(
            ui,
            "A channel's details can snooze its reminders for a day or a week.",
        ));
    });
}
