//! The worker's side of removing and renaming channels and apps.

use crate::gui::worker::messages::lifecycle::{Done, LifecycleCommand, LifecycleEvent};
use crate::gui::worker::messages::{Event, Failure, Sink};
use crate::service::Service;

/// The worker's job: the service does the change; the window gets what was done (it phrases
/// it) and a fresh catalog (a removed channel disappears, a renamed one moves to its place).
pub async fn run(service: &Service, sink: &Sink, command: LifecycleCommand) {
    let result = match command {
        LifecycleCommand::RemoveChannel(id) => service
            .remove_channel(&id)
            .await
            .map(|r| Done::ChannelRemoved(r.channel.name)),
        LifecycleCommand::RenameChannel { id, new_name } => service
            .rename_channel(&id, &new_name)
            .await
            .map(|c| Done::ChannelRenamed(c.name)),
        LifecycleCommand::RemoveApp(id) => service
            .remove_app(&id)
            .await
            .map(|a| Done::AppRemoved(a.name)),
        LifecycleCommand::RenameApp { id, new_name } => service
            .rename_app(&id, &new_name)
            .await
            .map(|a| Done::AppRenamed(a.name)),
    };
    let ok = result.is_ok();
    sink.send(Event::Lifecycle(LifecycleEvent {
        result: result.map_err(Failure::from),
    }));
    if ok {
        crate::gui::worker::job_steps::send_catalog(service, sink).await;
    }
}
