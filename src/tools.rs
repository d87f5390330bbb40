//! Tools a parent starts with a press, not with the page: for now the key dates' calendar
//! file (`components::calendar_link`). Their code is a part of its own in the split build
//! (`crate::page_code`), fetched on the first press, so no page's first load pays for it.

use ruxue_core::calendar::CalendarDate;
use ruxue_core::ics::IcsLanguage;

use crate::page_code::PageCodeError;

/// What a tool is asked to make.
#[derive(Debug, Clone)]
pub enum Request {
    /// The calendar file of `corpus.guidance.cycles[cycle]`, or of its event `only`.
    Calendar {
        cycle: usize,
        only: Option<usize>,
        language: IcsLanguage,
        today: CalendarDate,
    },
}

fn make(request: Request) -> String {
    match request {
        Request::Calendar {
            cycle,
            only,
            language,
            today,
        } => {
            let corpus = crate::data::corpus();
            match corpus.guidance.cycles.get(cycle) {
                Some(cycle) => {
                    ruxue_core::ics::calendar_file(corpus, &[cycle], only, language, today)
                }
                None => String::new(),
            }
        }
    }
}

#[cfg(ruxue_split)]
mod part {
    use super::{PageCodeError, Request};

    #[leptos::wasm_split::wasm_split(
        ruxue_tools,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_tools_part)
    )]
    pub fn tools_part(request: Request) -> Result<String, PageCodeError> {
        Ok(super::make(request))
    }
}

/// What `request` asks for, once the tools' code is in.
pub async fn run(request: Request) -> Result<String, PageCodeError> {
    #[cfg(ruxue_split)]
    return part::tools_part(request).await;
    #[cfg(not(ruxue_split))]
    Ok(make(request))
}
