//! No accidental twins: a Page (Instagram account, WhatsApp Business Account) is watched by at
//! most one channel of each kind. Two channels on one Page would each hold a token, be renewed
//! separately and drift apart; the user almost always meant to renew the one already saved.

use super::ServiceError;
use crate::model::{Channel, ChannelKind, Fact, Reason, ReasonCode};
use crate::store::Catalog;

/// The saved channel of `kind` on `target` (the Page id, or the WABA id for WhatsApp), if any.
pub(crate) fn twin_of<'a>(
    catalog: &'a Catalog,
    kind: ChannelKind,
    target: Option<&str>,
) -> Option<&'a Channel> {
    let target = target?;
    catalog
        .channels
        .iter()
        .find(|c| c.kind == kind && c.page_id.as_deref() == Some(target))
}

/// Refuses (exit 1) adding a channel of `kind` on `target` when one is saved already, naming it
/// and saying to renew it instead. Called after validation (when the target is known) and again
/// under the catalog lock, since another window may have added it meanwhile.
pub(crate) fn refuse_twin(
    catalog: &Catalog,
    kind: ChannelKind,
    target: Option<&str>,
) -> Result<(), ServiceError> {
    let Some(twin) = twin_of(catalog, kind, target) else {
        return Ok(());
    };
    let what = match kind {
        ChannelKind::Whatsapp => "WhatsApp Business Account",
        ChannelKind::Instagram => "Instagram account's Page",
        _ => "Page",
    };
    let page = match (&twin.page_name, &twin.page_id) {
        (Some(n), Some(id)) => format!("{n}, id {id}"),
        (_, Some(id)) => format!("id {id}"),
        _ => "the same one".into(),
    };
    let mut reason = Reason::new(
        ReasonCode::AlreadySaved,
        format!(
            "This {what} ({page}) is already saved as the {} channel {:?}. Renew that channel instead of adding it twice (tokenwarden renew {:?}).",
            kind.label(),
            twin.name,
            twin.name
        ),
    )
    .with("refusal", Fact::Text("twin".into()))
    .with("kind", Fact::Text(kind.code().into()))
    .with("name", Fact::Text(twin.name.clone()));
    for (fact, value) in [("page_name", &twin.page_name), ("page_id", &twin.page_id)] {
        if let Some(v) = value {
            reason = reason.with(fact, Fact::Text(v.clone()));
        }
    }
    Err(ServiceError::Refused {
        reasons: vec![reason],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::sample_channel;

    fn saved(name: &str, kind: ChannelKind, page: &str) -> Channel {
        Channel {
            id: name.to_lowercase(),
            name: name.into(),
            kind,
            page_id: Some(page.into()),
            page_name: Some("Acme Shoes".into()),
            ..sample_channel(None, None)
        }
    }

    #[test]
    fn one_channel_of_each_kind_per_page() {
        let catalog = Catalog {
            channels: vec![saved("Shoes", ChannelKind::Messenger, "500001")],
            ..Default::default()
        };
        let e = refuse_twin(&catalog, ChannelKind::Messenger, Some("500001")).unwrap_err();
        assert_eq!(e.exit_code(), 1);
        let text = e.to_string();
        assert!(
            text.contains("\"Shoes\"") && text.contains("Renew"),
            "{text}"
        );
        // Another kind on the same Page, the same kind on another Page, an unknown Page: fine.
        assert!(refuse_twin(&catalog, ChannelKind::FacebookPage, Some("500001")).is_ok());
        assert!(refuse_twin(&catalog, ChannelKind::Messenger, Some("500002")).is_ok());
        assert!(refuse_twin(&catalog, ChannelKind::Messenger, None).is_ok());
    }
}
