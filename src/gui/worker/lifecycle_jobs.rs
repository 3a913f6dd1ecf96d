//! The worker's side of removing and renaming channels and apps.

use crate::gui::worker::messages::lifecycle::{LifecycleCommand, LifecycleEvent};
use crate::gui::worker::messages::{Event, Failure, Sink};
use crate::service::Service;

/// The worker's job: the service does the change; the window gets a sentence and a fresh
/// catalog (a removed channel disappears, a renamed one moves to its place in the order).
pub async fn run(service: &Service, sink: &Sink, command: LifecycleCommand) {
    let result = match command {
        LifecycleCommand::RemoveChannel(id) => service.remove_channel(&id).await.map(|r| {
            format!(
                "\"{}\" is removed and its tokens are deleted from this computer. Its history stays.",
                r.channel.name
            )
        }),
        LifecycleCommand::RenameChannel { id, new_name } => service
            .rename_channel(&id, &new_name)
            .await
            .map(|c| format!("The channel is now called \"{}\".", c.name)),
        LifecycleCommand::RemoveApp(id) => service
            .remove_app(&id)
            .await
            .map(|a| format!("The app \"{}\" is removed.", a.name)),
        LifecycleCommand::RenameApp { id, new_name } => service
            .rename_app(&id, &new_name)
            .await
            .map(|a| format!("The app is now called \"{}\".", a.name)),
    };
    let ok = result.is_ok();
    sink.send(Event::Lifecycle(LifecycleEvent {
        result: result.map_err(Failure::from),
    }));
    if ok {
        crate::gui::worker::job_steps::send_catalog(service, sink).await;
    }
}
