//! Meta Graph API client.
