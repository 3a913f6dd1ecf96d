//! Which way of asking `debug_token` worked (see `debug_call`), remembered per client. A leaf, so
//! that `client` can hold it without depending on the code that asks.

use std::sync::atomic::{AtomicU8, Ordering};

/// The ways to ask, in the order tried when nothing is remembered yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum DebugRoute {
    MethodOverride = 1,
    Batch = 2,
}

/// The way that worked, for every clone of a client. While none is known, one check at a time
/// probes, so that checks started together do not all pay for a refused probe.
#[derive(Debug, Default)]
pub(crate) struct RouteMemory {
    route: AtomicU8,
    pub(super) probing: tokio::sync::Mutex<()>,
}

impl RouteMemory {
    pub(super) fn known(&self) -> Option<DebugRoute> {
        match self.route.load(Ordering::Relaxed) {
            1 => Some(DebugRoute::MethodOverride),
            2 => Some(DebugRoute::Batch),
            _ => None,
        }
    }

    pub(super) fn remember(&self, route: DebugRoute) {
        self.route.store(route as u8, Ordering::Relaxed);
    }
}
