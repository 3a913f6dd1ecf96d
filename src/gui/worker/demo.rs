//! `--demo`: the window on a throw-away profile backed by the built-in simulator. The setup
//! itself (simulator, profile, channels in every state) is the service's `DemoEnv`; this only
//! keeps it alive next to the worker.

use std::sync::Arc;

use crate::service::Service;
use crate::service::demo::DemoEnv;
use crate::sim::scenario::ALICE_ID;

/// Starts the demo on the current runtime: the service to use, and what must stay alive (the
/// simulator and the temporary profile, removed when it is dropped).
pub async fn start() -> Result<(Arc<Service>, Box<dyn Send>), String> {
    let env = DemoEnv::start().await.map_err(|e| {
        crate::words::t_args("worker-demo-failed", &[("detail", e.to_string().into())])
    })?;
    // Nobody is on the other device in a demo: Alice, who manages the Acme Pages, approves
    // each "Log in with Facebook" after a few seconds.
    env.sim
        .auto_approve_devices(ALICE_ID, std::time::Duration::from_secs(6));
    Ok((env.service.clone(), Box::new(env)))
}
