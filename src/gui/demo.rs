//! `--demo`: the window on a throw-away profile backed by the built-in simulator. The setup
//! itself (simulator, profile, channels in every state) is the service's `DemoEnv`; this only
//! keeps it alive next to the worker.

use std::sync::Arc;

use crate::service::Service;
use crate::service::demo::DemoEnv;

/// Starts the demo on the current runtime: the service to use, and what must stay alive (the
/// simulator and the temporary profile, removed when it is dropped).
pub async fn start() -> Result<(Arc<Service>, Box<dyn Send>), String> {
    let env = DemoEnv::start()
        .await
        .map_err(|e| format!("The demo could not start: {e}"))?;
    Ok((env.service.clone(), Box::new(env)))
}
