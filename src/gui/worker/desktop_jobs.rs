//! The worker's side of living on the desktop: the reminder schedule (restarted when its
//! settings change), file dialogs awaited off the window's thread, support reports, history,
//! snoozes, backup and restore. Each command runs beside the worker's loop, so a file dialog
//! left open never holds up a check.

use std::sync::Arc;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::gui::worker::job_steps::send_catalog;
use crate::gui::worker::messages::Sink;
pub use crate::gui::worker::messages::desktop::{DesktopCommand, DesktopEvent};
use crate::gui::worker::messages::{Event, Failure};
use crate::service::report_file::read_report;
use crate::service::{Notifier, Reminders, Service, channel_history};
use crate::store::{Profile, ReminderSettings, StateFile};

/// What a job that needs the tokens says while the secret store is locked.
/// Kept by the worker: the notifier and the running schedule.
#[derive(Default)]
pub struct DesktopWorker {
    notifier: Option<Arc<dyn Notifier>>,
    schedule: Option<CancellationToken>,
}

impl DesktopWorker {
    /// The service is open: start the reminders (when there is a notifier) and say what the
    /// reminder settings and snoozes are.
    pub fn service_opened(&mut self, service: &Arc<Service>, sink: &Sink) {
        self.restart(service.clone(), sink, None);
        send_state(service.store.profile.clone(), sink.clone());
    }

    pub fn stop(&mut self) {
        if let Some(token) = self.schedule.take() {
            token.cancel();
        }
    }

    /// Cancels the running schedule and starts a new one, after saving `settings` if given.
    fn restart(&mut self, service: Arc<Service>, sink: &Sink, settings: Option<ReminderSettings>) {
        self.stop();
        let notifier = self.notifier.clone();
        let token = CancellationToken::new();
        self.schedule = Some(token.clone());
        let sink = sink.clone();
        // Saved settings are the user asking for it: a round at once. Otherwise (the app just
        // opened) the first round waits until one interval after the last check.
        let at_once = settings.is_some();
        tokio::spawn(async move {
            let settings = match settings {
                Some(s) => {
                    let saved = service.set_reminder_settings(s).await;
                    let result = saved.map(|()| s).map_err(Failure::from);
                    let ok = result.is_ok();
                    send(&sink, DesktopEvent::SettingsSaved { result });
                    if !ok {
                        return;
                    }
                    send_state(service.store.profile.clone(), sink.clone());
                    s
                }
                None => service
                    .reminder_state()
                    .await
                    .map(|s| s.reminders)
                    .unwrap_or_default(),
            };
            let Some(notifier) = notifier else {
                return;
            };
            let (tx, mut rx) = mpsc::unbounded_channel();
            let forward = {
                let (service, sink) = (service.clone(), sink.clone());
                async move {
                    // Each round checked every channel: show what it found.
                    while rx.recv().await.is_some() {
                        send_catalog(&service, &sink).await;
                        send_state(service.store.profile.clone(), sink.clone());
                    }
                }
            };
            let reminders = Reminders::from_settings(settings);
            if at_once {
                tokio::join!(reminders.run(service, notifier, token, Some(tx)), forward);
            } else {
                let run = reminders.run_when_due(service, notifier, token, Some(tx));
                tokio::join!(run, forward);
            }
        });
    }

    pub fn handle(
        &mut self,
        service: Option<Arc<Service>>,
        profile: Option<Profile>,
        sink: &Sink,
        command: DesktopCommand,
    ) {
        let (sink, tell) = (sink.clone(), sink.clone());
        match command {
            DesktopCommand::UseNotifier(notifier) => {
                self.notifier = Some(notifier);
                if let Some(service) = service {
                    self.restart(service, &sink, None);
                }
                return;
            }
            DesktopCommand::SaveReminderSettings(settings) => {
                match service {
                    Some(service) => self.restart(service, &sink, Some(settings)),
                    None => send(
                        &sink,
                        DesktopEvent::SettingsSaved {
                            result: Err(Failure::locked()),
                        },
                    ),
                }
                return;
            }
            DesktopCommand::Pick { kind, pick } => {
                tokio::spawn(async move {
                    let path = pick.await;
                    send(&sink, DesktopEvent::Picked { kind, path });
                });
                return;
            }
            DesktopCommand::ReadReport { path } => {
                tokio::spawn(async move {
                    let result = tokio::task::spawn_blocking(move || read_report(&path))
                        .await
                        .map_err(Failure::task_failed)
                        .and_then(|r| r.map(Box::new).map_err(Failure::from));
                    send(&sink, DesktopEvent::ReportRead { result });
                });
                return;
            }
            DesktopCommand::History { channel } => {
                if let Some(profile) = profile {
                    tokio::spawn(history(profile, channel, sink));
                }
                return;
            }
            DesktopCommand::LoadReminderState => {
                if let Some(profile) = profile {
                    send_state(profile, sink);
                }
                return;
            }
            _ => {}
        }
        let Some(service) = service else {
            return send(&tell, locked_answer(&command));
        };
        tokio::spawn(async move { with_service(&service, &sink, command).await });
    }
}

/// The answer to a command that needs the open service when it is not open.
fn locked_answer(command: &DesktopCommand) -> DesktopEvent {
    fn no<T>() -> Result<T, Failure> {
        Err(Failure::locked())
    }
    match command {
        DesktopCommand::Backup { .. } => DesktopEvent::BackedUp { result: no() },
        DesktopCommand::PlanRestore { .. } => DesktopEvent::RestorePlanned { result: no() },
        DesktopCommand::ApplyRestore { .. } => DesktopEvent::Restored { result: no() },
        _ => DesktopEvent::Snoozed { result: no() },
    }
}

async fn with_service(service: &Service, sink: &Sink, command: DesktopCommand) {
    match command {
        DesktopCommand::Snooze { channel, until } => {
            let result = service
                .snooze(&channel, until)
                .await
                .map(|_| ())
                .map_err(Failure::from);
            send(sink, DesktopEvent::Snoozed { result });
            send_state(service.store.profile.clone(), sink.clone());
        }
        DesktopCommand::Backup { path, passphrase } => {
            let result = service.backup_to(&path, &passphrase).await;
            let result = result.map(|s| (path, s)).map_err(Failure::from);
            send(sink, DesktopEvent::BackedUp { result });
        }
        DesktopCommand::PlanRestore { path, passphrase } => {
            let result = service.plan_restore(&path, &passphrase).await;
            let result = result.map(Box::new).map_err(Failure::from);
            send(sink, DesktopEvent::RestorePlanned { result });
        }
        DesktopCommand::ApplyRestore {
            plan,
            overwrite_newer,
        } => {
            let result = service.apply_restore(&plan, overwrite_newer).await;
            send(
                sink,
                DesktopEvent::Restored {
                    result: result.map_err(Failure::from),
                },
            );
            send_catalog(service, sink).await;
        }
        _ => {}
    }
}

async fn history(profile: Profile, channel: String, sink: Sink) {
    let selector = channel.clone();
    let read = tokio::task::spawn_blocking(move || channel_history(&profile, &selector)).await;
    let result = match read {
        Ok(Ok(entries)) => Ok(entries.into_iter().rev().collect()),
        Ok(Err(e)) => Err(Failure::from(e)),
        Err(e) => Err(Failure::task_failed(e)),
    };
    send(&sink, DesktopEvent::History { channel, result });
}

/// Reminder settings, snoozes and the saved server clock, from the profile's files.
fn send_state(profile: Profile, sink: Sink) {
    tokio::spawn(async move {
        let file = StateFile::new(&profile);
        if let Ok(Ok(state)) = tokio::task::spawn_blocking(move || file.load()).await {
            send(&sink, DesktopEvent::ReminderState(Box::new(state)));
        }
    });
}

fn send(sink: &Sink, event: DesktopEvent) {
    sink.send(Event::Desktop(event));
}
