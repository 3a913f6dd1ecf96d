//! Meta Graph API client: configuration, errors, the token check procedure and portal links.
//! No secret travels in a URL; ids in paths are checked (`ids`).

mod batch;
pub mod check;
pub mod check_all;
pub mod client;
pub mod clock;
pub mod config;
mod debug_call;
mod debug_route;
pub mod device;
pub mod error;
pub mod ids;
pub mod links;
pub mod oauth;
mod pacing;
pub mod usage;

pub use check::{AppCredentials, CheckRequest, check_token};
pub use client::{GraphClient, Method, appsecret_proof};
pub use config::{ConfigError, GraphConfig};
pub use error::GraphError;
