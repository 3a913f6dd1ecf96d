//! The device login's message for the customer, ready to send or read out on a call.

use super::bundle::t_args;
use crate::service::login_message::typed_address;

/// "Open facebook.com/device on your phone or computer and enter the code ABCD1234. Log in with
/// the Facebook account that manages Acme Shoes, then choose Continue."
pub fn ready_message(verification_uri: &str, user_code: &str, manages: &str) -> String {
    let shown = typed_address(verification_uri);
    t_args(
        "login-ready-message",
        &[
            ("address", shown.into()),
            ("code", user_code.into()),
            ("page", manages.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;

    #[test]
    fn the_message_names_the_address_the_code_and_the_page_in_both_languages() {
        let args = ("https://www.facebook.com/device/", "ABCD1234", "Acme Shoes");
        let en = with_lang(Lang::En, || ready_message(args.0, args.1, args.2));
        assert!(
            en.starts_with("Open facebook.com/device on your phone"),
            "{en}"
        );
        assert!(en.contains("enter the code ABCD1234"), "{en}");
        assert!(
            en.contains("the Facebook account that manages Acme Shoes"),
            "{en}"
        );
        let es = with_lang(Lang::Es, || ready_message(args.0, args.1, args.2));
        assert!(es.starts_with("Abra facebook.com/device"), "{es}");
        assert!(es.contains("ABCD1234") && es.contains("Acme Shoes"), "{es}");
    }
}
