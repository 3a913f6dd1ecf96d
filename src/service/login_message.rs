//! The message a support person reads out or sends to a customer during a device login, so the
//! customer only has to open one address on their phone, type one code and log in as the right
//! person. It holds the short login code (which is useless without the approval) and never a token.

use crate::model::Channel;

/// Who the customer must log in as, in words: the Page's name when known, else the channel's.
pub fn who_manages(channel: &Channel) -> String {
    channel
        .page_name
        .clone()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| channel.name.clone())
}

/// The address as a person types it: no scheme, no "www.", no trailing slash.
pub fn typed_address(verification_uri: &str) -> &str {
    verification_uri
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::sample_channel;

    #[test]
    fn the_page_name_is_preferred_over_the_channel_name() {
        let mut c = sample_channel(None, None);
        assert_eq!(who_manages(&c), "Acme");
        c.page_name = Some("Acme Shoes".into());
        assert_eq!(who_manages(&c), "Acme Shoes");
    }
}
