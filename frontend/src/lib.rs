//! The browser entry point: wake the page's islands (`app::islands`); the rest of the page
//! is rendered on the server and stays as it is.

// The islands are exported from the app crate; linking it brings them into the wasm.
extern crate app as _;

/// Called by the loader (`app::islands::scripts`) once the wasm is loaded, before it wakes
/// each island.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
