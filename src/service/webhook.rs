//! Re-subscribing a Page to the app's webhook: after a reconnect, Messenger stays silent when
//! the Page's `subscribed_apps` lacks the app or the `messages` field.

use super::refusal::Usage;
use super::{ChannelView, Service, ServiceError};
use crate::graph::{GraphError, Method};
use crate::model::{ChannelKind, Fact};

/// Fields subscribed for a messaging channel, beyond those it already has.
fn fields_for(kind: ChannelKind) -> &'static [&'static str] {
    match kind {
        ChannelKind::Messenger | ChannelKind::Instagram => &["messages", "messaging_postbacks"],
        _ => &[],
    }
}

impl Service {
    /// Subscribes the channel's Page (or WhatsApp account) to its app's webhook, keeping the
    /// fields already there, then checks the channel again.
    pub async fn subscribe_webhook(&self, selector: &str) -> Result<ChannelView, ServiceError> {
        let channel = self.channel(selector).await?;
        if !channel.kind.needs_webhook() {
            return Err(ServiceError::Usage(Usage::NoWebhook {
                name: channel.name.clone(),
                kind: channel.kind,
            }));
        }
        let target = channel
            .page_id
            .clone()
            .or_else(|| channel.last_report.as_ref()?.profile_id.clone())
            .ok_or(ServiceError::Usage(Usage::PageUnknown))?;
        let token = self.get_secret(&channel.token.secret).await?;
        let catalog = self.catalog().await?;
        let creds = self
            .credentials(channel.app_id.as_deref().and_then(|id| catalog.app(id)))
            .await?;
        let secret = creds.as_ref().and_then(|c| c.secret.as_ref());
        let mut fields: Vec<String> = channel
            .last_report
            .as_ref()
            .and_then(|r| r.webhook.as_ref())
            .map(|w| w.fields.clone())
            .unwrap_or_default();
        for f in fields_for(channel.kind) {
            if !fields.iter().any(|x| x == f) {
                fields.push((*f).to_string());
            }
        }
        let joined = fields.join(",");
        let params: Vec<(&str, &str)> = if fields.is_empty() {
            vec![]
        } else {
            vec![("subscribed_fields", joined.as_str())]
        };
        self.graph()
            .call(Method::Post, &format!("{target}/subscribed_apps"), &params, &token, secret)
            .await
            .map_err(|e: GraphError| match e.graph_error() {
                Some(g) if !e.is_transient() && !e.is_rate_limit() => ServiceError::refused_for(
                    crate::model::ReasonCode::WebhookNotSubscribed,
                    format!(
                        "Facebook did not accept the subscription ({}). The token may lack pages_manage_metadata, or the app has no webhook set up: open the app's {} settings.",
                        g.message,
                        channel.kind.label()
                    ),
                    "webhook_refused",
                    vec![
                        ("detail", Fact::Text(g.message.clone())),
                        ("kind", Fact::Text(channel.kind.code().into())),
                    ],
                ),
                _ => ServiceError::Graph(e),
            })?;
        self.recheck(&channel.id).await
    }
}
