//! How the worker's events change the window, all in this file: `TokenwardenApp::drain_events`
//! takes them in, `AppState::apply` applies each, with one function per family of events
//! (login, desktop, remove/rename, rollback); `tend_desktop` does what must follow the
//! selection and the clock once per frame.

use eframe::egui;
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::gui::app::TokenwardenApp;
use crate::gui::app::handle::{picked, send_desktop};
use crate::gui::app::state::{AppState, CheckRun, Copied};
use crate::gui::data::lock::Lock;
use crate::gui::data::notices::NoticeKind;
use crate::gui::platform::clipboard::CLEAR_AFTER;
use crate::gui::platform::dialogs::FileKind;
use crate::gui::views::apps::AppForm;
use crate::gui::views::report_view::OpenReport;
use crate::gui::worker::desktop_jobs::{DesktopCommand, DesktopEvent};
use crate::gui::worker::login_jobs::LoginEvent;
use crate::gui::worker::messages::lifecycle::LifecycleEvent;
use crate::gui::worker::{Event, Failure, Worker};
use crate::model::ReasonCode;
use crate::service::clock_problem;
use crate::words::{t, t_args};

/// `"name"`, as notices quote a channel or an app.
fn named(id: &str, name: &str) -> String {
    t_args(id, &[("name", name.into())])
}

impl TokenwardenApp {
    /// Applies every event the worker has sent since the last frame.
    pub(super) fn drain_events(&mut self, ctx: &egui::Context) {
        let now = self.now();
        loop {
            match self.worker.try_recv() {
                Ok(Event::TokenRevealed { channel, result }) => match result {
                    Ok(token) => self.put_on_clipboard(channel, &token),
                    Err(f) => self.state.notify(NoticeKind::Error, f.phrase()),
                },
                Ok(Event::Desktop(event)) => desktop(event, &mut self.state, &self.worker, now),
                Ok(event) => {
                    self.state.desktop.note(&event);
                    self.state.apply(event, now, ctx)
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    if !self.worker_gone {
                        self.worker_gone = true;
                        self.state
                            .notify(NoticeKind::Error, t("notice-worker-stopped"));
                    }
                    break;
                }
            }
        }
    }

    fn put_on_clipboard(&mut self, channel: String, token: &crate::model::Secret) {
        match self.options.clipboard.put_secret(token.expose()) {
            Ok(()) => {
                self.state.copied = Some(Copied {
                    channel,
                    fingerprint: token.fingerprint(),
                    until: Instant::now() + CLEAR_AFTER,
                });
            }
            Err(e) => self.state.notify(NoticeKind::Error, e),
        }
    }
}

impl AppState {
    fn fail(&mut self, failure: &Failure) {
        self.notify(NoticeKind::Error, failure.phrase());
    }

    /// Applies one event from the worker at the window's clock `now`.
    pub fn apply(&mut self, event: Event, now: DateTime<Utc>, ctx: &egui::Context) {
        let th = self.thresholds;
        match event {
            Event::Profile { dir } => self.profile_dir = Some(dir),
            Event::Team(team) => self.team = Some(team),
            Event::Catalog {
                channels,
                apps,
                last_check_at,
                offline_since,
            } => {
                self.team_offline_since = offline_since;
                if !self.catalog_seen && channels.is_empty() && apps.is_empty() {
                    self.first_run = Some(Default::default());
                }
                self.catalog_seen = true;
                self.table.replace(channels, now, &th);
                crate::process::return_freed_memory();
                self.apps = apps;
                self.last_check_at = last_check_at;
                if let Some(id) = &self.selected
                    && self.table.get(id).is_none()
                {
                    self.selected = None;
                }
            }
            Event::NeedsUnlock { need, problem } => {
                self.lock = Lock::Locked {
                    need,
                    problem,
                    dismissed: false,
                    busy: false,
                };
            }
            Event::Unlocked { store } => {
                self.lock = Lock::Open(store);
                self.unlock_form.clear();
            }
            Event::StartFailed(failure) => {
                if matches!(self.lock, Lock::Opening) {
                    self.lock = Lock::Failed(failure.phrase());
                }
                self.notify(NoticeKind::Error, failure.phrase());
            }
            Event::CheckStarted { channel, total } => match channel {
                None => {
                    self.check_all = Some(CheckRun {
                        done: 0,
                        total,
                        cancelling: false,
                    })
                }
                Some(id) => {
                    self.checking.insert(id);
                }
            },
            Event::Checked {
                channel,
                done,
                total,
            } => {
                let during_all = self.check_all.is_some();
                self.table.upsert(*channel, now, &th, !during_all);
                if let Some(run) = &mut self.check_all {
                    run.done = done;
                    run.total = total;
                }
            }
            Event::CheckFinished { channel, result } => {
                match channel {
                    None => {
                        self.check_all = None;
                        self.table.resort();
                        self.last_check_at = Some(now);
                    }
                    Some(id) => {
                        self.checking.remove(&id);
                    }
                }
                match result {
                    Ok(done) if done.cancelled => {
                        self.notify(NoticeKind::Info, t("notice-check-cancelled"))
                    }
                    Ok(_) => {
                        if let Some(first_run) = &mut self.first_run {
                            first_run.checked = true;
                        }
                    }
                    Err(f) => self.fail(&f),
                }
            }
            Event::Validated { ticket, result } => {
                if let Some(d) = &mut self.renew {
                    d.on_validated(ticket, &result);
                }
                if let Some(d) = &mut self.add {
                    d.on_validated(ticket, result);
                }
            }
            Event::Renewed { channel, result } => match result {
                Ok(updated) => {
                    let name = updated.name.clone();
                    self.table.upsert(*updated, now, &th, true);
                    self.flows.offer_webhook(&self.table, &channel);
                    if let Some(mut d) = self.renew.take() {
                        d.wipe(ctx);
                    }
                    self.notify(NoticeKind::Success, named("notice-renewed", &name));
                }
                Err(f) => match &mut self.renew {
                    Some(d) if d.channel_id == channel => d.on_save_failed(f),
                    _ => self.fail(&f),
                },
            },
            Event::RolledBack { channel, result } => {
                let result = result.map(|updated| {
                    let name = updated.name.clone();
                    self.table.upsert(*updated, now, &th, true);
                    name
                });
                rollback(self, channel, result);
            }
            Event::ChannelAdded { result } => match result {
                Ok(channel) => {
                    let name = channel.name.clone();
                    self.selected = Some(channel.id.clone());
                    self.table.upsert(*channel, now, &th, true);
                    if let Some(mut d) = self.add.take() {
                        d.wipe(ctx);
                    }
                    self.notify(NoticeKind::Success, named("notice-saved", &name));
                }
                Err(f) => match &mut self.add {
                    Some(d) => d.on_save_failed(f),
                    None => self.fail(&f),
                },
            },
            Event::PagesAdded { results } => {
                let mut outcome = Vec::with_capacity(results.len());
                let mut saved = Vec::new();
                for (pick, result) in results {
                    let result = result.map(|channel| {
                        let name = channel.name.clone();
                        if saved.is_empty() {
                            self.selected = Some(channel.id.clone());
                        }
                        self.table.upsert(*channel, now, &th, true);
                        saved.push(format!("\"{name}\""));
                        name
                    });
                    outcome.push((pick, result));
                }
                let all = outcome.iter().all(|(_, r)| r.is_ok());
                if all && let Some(mut d) = self.add.take() {
                    d.wipe(ctx);
                } else if let Some(d) = &mut self.add {
                    d.on_pages_added(outcome);
                }
                if !saved.is_empty() {
                    let what = t_args(
                        "notice-pages-saved",
                        &[
                            ("count", saved.len().into()),
                            ("names", saved.join(", ").into()),
                        ],
                    );
                    self.notify(NoticeKind::Success, what);
                }
            }
            Event::AppAdded { result } => match result {
                Ok(app) => {
                    self.app_form = AppForm::default();
                    self.notify(NoticeKind::Success, named("notice-app-saved", &app.name));
                }
                Err(f) => self.app_form.on_failed(f),
            },
            Event::Exported { result } => {
                self.exporting = false;
                match result {
                    Ok(path) => self.notify(
                        NoticeKind::Success,
                        t_args(
                            "notice-report-saved",
                            &[("path", path.display().to_string().into())],
                        ),
                    ),
                    Err(f) => self.fail(&f),
                }
            }
            // Handled by the app: it owns the clipboard.
            Event::TokenRevealed { .. } => {}
            Event::Login(event) => login(self, event, now),
            // Handled by the app: it owns the file dialogs.
            Event::Desktop(_) => {}
            Event::Lifecycle(event) => lifecycle(self, event),
        }
    }
}

/// Applies one login event from the worker.
pub fn login(state: &mut AppState, event: LoginEvent, now: DateTime<Utc>) {
    let th = state.thresholds;
    if let Some(d) = &mut state.renew {
        d.on_login(&event);
    }
    if let Some(d) = &mut state.flows.group {
        d.on_login(&event);
    }
    if let Some(d) = &mut state.add {
        d.on_login(&event);
    }
    match event {
        LoginEvent::GroupRenewed {
            result: Ok(items), ..
        } => {
            for item in items {
                if let Ok(channel) = item.result {
                    state.table.upsert(*channel, now, &th, true);
                }
            }
        }
        LoginEvent::Subscribed { channel, result } => {
            state.flows.subscribing.remove(&channel);
            match result {
                Ok(updated) => {
                    let name = updated.name.clone();
                    state.table.upsert(*updated, now, &th, true);
                    let still = state
                        .table
                        .get(&channel)
                        .is_some_and(|v| v.diagnosis.has(ReasonCode::WebhookNotSubscribed));
                    if still {
                        state.notify(NoticeKind::Error, named("notice-webhook-still-off", &name));
                    } else {
                        state.flows.webhook_offer = None;
                        state.notify(NoticeKind::Success, named("notice-webhook-on", &name));
                    }
                }
                Err(f) => state.notify(NoticeKind::Error, f.phrase()),
            }
        }
        _ => {}
    }
}

/// Applies one answer of the worker at the window's clock `now`.
pub fn desktop(event: DesktopEvent, state: &mut AppState, worker: &Worker, now: DateTime<Utc>) {
    let th = state.thresholds;
    let d = &mut state.desktop;
    match event {
        DesktopEvent::Picked { kind, path } => {
            d.picking = None;
            match (kind, path) {
                (FileKind::SaveBackup, None) => {
                    if let Some(b) = &mut state.backup {
                        b.busy = false;
                    }
                }
                (_, None) => {}
                (kind, Some(path)) => picked(kind, path, state, worker),
            }
        }
        DesktopEvent::ReportRead { result } => match result {
            Ok(report) => {
                state.report = Some(OpenReport::new(*report, now, &th));
            }
            Err(e) => state.notify(NoticeKind::Error, e.phrase()),
        },
        DesktopEvent::History { channel, result } => {
            let h = &mut d.history;
            h.in_flight = false;
            if h.channel.as_deref() == Some(channel.as_str()) {
                h.lines = Some(result.map_err(|f| f.phrase()));
            }
        }
        DesktopEvent::ReminderState(local) => {
            d.local = *local;
            d.saving_reminders = false;
        }
        DesktopEvent::Snoozed { result } => {
            if let Err(e) = result {
                state.notify(NoticeKind::Error, e.phrase());
            }
        }
        DesktopEvent::SettingsSaved { result } => {
            d.saving_reminders = false;
            match result {
                Ok(_) => {
                    d.reminder_form = None;
                    state.notify(NoticeKind::Success, t("notice-reminders-saved"));
                }
                Err(e) => state.notify(NoticeKind::Error, e.phrase()),
            }
        }
        DesktopEvent::BackedUp { result } => match result {
            Ok((path, summary)) => {
                state.backup = None;
                state.notify(
                    NoticeKind::Success,
                    crate::gui::views::backup::backed_up_words(&path, &summary),
                );
            }
            Err(e) => match &mut state.backup {
                Some(b) => b.failed(e.phrase()),
                None => state.notify(NoticeKind::Error, e.phrase()),
            },
        },
        DesktopEvent::RestorePlanned { result } => {
            if let Some(r) = &mut state.restore {
                r.planned(result.map_err(|f| f.phrase()));
            }
        }
        DesktopEvent::Restored { result } => match result {
            Ok(outcome) => {
                state.restore = None;
                d.history.stale = true;
                state.notify(
                    NoticeKind::Success,
                    crate::gui::views::backup::restored_words(&outcome),
                );
            }
            Err(e) => match &mut state.restore {
                Some(r) => r.failed(e.phrase()),
                None => state.notify(NoticeKind::Error, e.phrase()),
            },
        },
    }
}

/// A file dialog gave a path: go on with what it was for.
/// Once per frame: keeps the history of the selected channel and the clock guard current.
pub fn tend_desktop(state: &mut AppState, worker: &Worker, now: DateTime<Utc>) {
    let d = &mut state.desktop;
    d.clock_warning = clock_problem(state.last_check_at, d.local.server_clock, now);
    if d.state_stale {
        d.state_stale = false;
        send_desktop(worker, DesktopCommand::LoadReminderState);
    }
    let h = &mut d.history;
    let selected = state.selected.clone();
    if selected != h.channel {
        h.channel = selected.clone();
        h.lines = None;
        h.stale = true;
    }
    if h.stale && !h.in_flight {
        h.stale = false;
        if let Some(channel) = selected {
            h.in_flight = true;
            send_desktop(worker, DesktopCommand::History { channel });
        }
    }
}

/// Applies the worker's answer: closes the dialog with a notice, or shows why not in it.
pub fn lifecycle(state: &mut AppState, event: LifecycleEvent) {
    match event.result {
        Ok(done) => {
            state.lifecycle = None;
            state.notify(NoticeKind::Success, done.phrase());
        }
        Err(f) => match &mut state.lifecycle {
            Some(d) => {
                d.busy = false;
                d.problem = Some(f);
            }
            None => state.notify(NoticeKind::Error, f.phrase()),
        },
    }
}

/// Applies the worker's answer: closes the dialog with a notice, or shows the refusal in it.
pub fn rollback(state: &mut AppState, channel: String, result: Result<String, Failure>) {
    state.rolling_back.remove(&channel);
    match result {
        Ok(name) => {
            if state
                .rollback
                .as_ref()
                .is_some_and(|d| d.channel_id == channel)
            {
                state.rollback = None;
            }
            state.notify(NoticeKind::Success, named("notice-rolled-back", &name));
        }
        Err(f) => {
            let prev = state
                .rollback
                .as_ref()
                .filter(|d| d.channel_id == channel)
                .map(|d| d.previous.clone());
            // A refusal means the token was looked at and failed: remember it for the button.
            if !f.reasons.is_empty()
                && let Some(prev) = prev
            {
                let why = f
                    .reasons
                    .get(1)
                    .or(f.reasons.first())
                    .map(|r| crate::words::reasons::sentence(r, Utc::now()))
                    .unwrap_or_default();
                state.dead_previous.insert(channel.clone(), (prev, why));
            }
            match state.rollback.as_mut().filter(|d| d.channel_id == channel) {
                Some(d) => {
                    d.busy = false;
                    d.problem = Some(f);
                }
                None => state.notify(NoticeKind::Error, f.phrase()),
            }
        }
    }
}
