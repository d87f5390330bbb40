//! Embed mode in the app: the parameters are read and validated by `ruxue_core::embed`
//! (pure, and property-tested natively); this adds what depends on the app's routes.

pub use ruxue_core::embed::*;

use crate::routes::Route;

/// Where the widget starts, and which routes stay inside it.
pub trait EmbedRoutes {
    /// The page the widget opens on.
    fn start_href(&self) -> String;
    /// Whether a route stays inside the widget; any other link opens the full portal in a new tab.
    fn keeps(&self, route: &Route) -> bool;
}

impl EmbedRoutes for EmbedConfig {
    fn start_href(&self) -> String {
        let district = self.district.clone().unwrap_or_default();
        match self.view {
            EmbedView::Search => {
                crate::location::href_with_query(&Route::Search.path(), &[("district", &district)])
            }
            EmbedView::Lookup => Route::Lookup.href(),
            EmbedView::Calculator => crate::location::href_with_query(
                &Route::GuideCheck.path(),
                &[("district", &district)],
            ),
            EmbedView::Item => {
                let (doc, clause) = self.item.clone().unwrap_or_default();
                Route::Document {
                    id: doc,
                    clause: Some(clause),
                }
                .href()
            }
        }
    }

    fn keeps(&self, route: &Route) -> bool {
        match self.view {
            EmbedView::Search => *route == Route::Search,
            EmbedView::Lookup => *route == Route::Lookup,
            EmbedView::Calculator => *route == Route::GuideCheck,
            EmbedView::Item => false,
        }
    }
}
