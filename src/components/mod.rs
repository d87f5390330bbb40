//! Components shared by every page. One public component per file, named after what it shows.

pub mod coming_soon;
pub mod language_switch;
pub mod primary_nav;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
