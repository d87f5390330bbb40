//! Components shared by every page. One public component per file, named after what it shows.

pub mod answer_card;
pub mod clause_view;
pub mod copy_citation;
pub mod coverage_notice;
pub mod document_card;
pub mod embed_shell;
pub mod figure_text;
pub mod key_dates;
pub mod language_switch;
pub mod last_checked;
pub mod lookup_answer;
pub mod primary_nav;
pub mod report_link;
pub mod school_list;
pub mod search_box;
pub mod search_result;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
pub mod source_note;
pub mod statement_view;
pub mod status_badge;
pub mod table_of_contents;
