//! The worker's side of removing and renaming channels and apps.

use crate::gui::worker::messages::lifecycle::{LifecycleCommand, LifecycleEvent};
use crate::gui::worker::messages::{Event, Failure, Sink};
use crate::service::Service;

/// The worker's job: the service does the change; the window gets a sentence and a fresh
/// catalog (a removed channel disappears, a renamed one moves to its place in the order).
/// The sentence is phrased here, in the process's language (the window sets it with the
/// setting), because `LifecycleEvent` carries words.
pub async fn run(service: &Service, sink: &Sink, command: LifecycleCommand) {
    let said = |id: &str, name: &str| crate::words::t_args(id, &[("name", name.into())]);
    let result = match command {
        LifecycleCommand::RemoveChannel(id) => service
            .remove_channel(&id)
            .await
            .map(|r| said("done-channel-removed", &r.channel.name)),
        LifecycleCommand::RenameChannel { id, new_name } => service
            .rename_channel(&id, &new_name)
            .await
            .map(|c| said("done-channel-renamed", &c.name)),
        LifecycleCommand::RemoveApp(id) => service
            .remove_app(&id)
            .await
            .map(|a| said("done-app-removed", &a.name)),
        LifecycleCommand::RenameApp { id, new_name } => service
            .rename_app(&id, &new_name)
            .await
            .map(|a| said("done-app-renamed", &a.name)),
    };
    let ok = result.is_ok();
    sink.send(Event::Lifecycle(LifecycleEvent {
        result: result.map_err(Failure::from),
    }));
    if ok {
        crate::gui::worker::job_steps::send_catalog(service, sink).await;
    }
}
