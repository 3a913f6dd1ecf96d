//! Steps several worker jobs end with: sending the window a fresh catalog, reporting a renewal,
//! and a check with progress (after a renewal, a login or a "Check all").

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::gui::worker::messages::{CheckDone, Event, Failure, Sink};
use crate::service::{CheckProgress, RenewOutcome, Service, ServiceError};

pub async fn send_catalog(service: &Service, sink: &Sink) {
    if let Ok(catalog) = service.catalog().await {
        sink.send(Event::catalog(&service.store.catalog, catalog));
    }
}

pub async fn check(
    service: &Service,
    sink: &Sink,
    channel: Option<String>,
    cancel: CancellationToken,
) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let forward = {
        let sink = sink.clone();
        let channel = channel.clone();
        tokio::spawn(async move {
            while let Some(progress) = rx.recv().await {
                match progress {
                    CheckProgress::Started { total } => sink.send(Event::CheckStarted {
                        channel: channel.clone(),
                        total,
                    }),
                    CheckProgress::Checked { view, done, total } => sink.send(Event::Checked {
                        channel: Box::new(view.channel),
                        done,
                        total,
                    }),
                }
            }
        })
    };
    let result = service.check(channel.as_deref(), Some(tx), cancel).await;
    // Every progress event reaches the window before the end of the check does.
    let _ = forward.await;
    sink.send(Event::CheckFinished {
        channel,
        result: result
            .map(|s| CheckDone {
                failed: s.failed,
                cancelled: s.cancelled,
            })
            .map_err(Failure::from),
    });
}

/// Tells the window how a renewal ended and, when the new token was saved, confirms it the way a
/// user would: by checking that channel only.
pub async fn renewed(
    service: &Service,
    sink: &Sink,
    channel: String,
    result: Result<RenewOutcome, ServiceError>,
    cancel: CancellationToken,
) {
    let ok = result.is_ok();
    sink.send(Event::Renewed {
        channel: channel.clone(),
        result: result
            .map(|o| Box::new(o.view.channel))
            .map_err(Failure::from),
    });
    if ok {
        check(service, sink, Some(channel), cancel).await;
    }
}
