//! The script that wakes the page's islands.
use leptos::prelude::*;

/// In place of Leptos's `HydrationScripts`: the same loader, but it fetches the JS glue and
/// the wasm only when the page has an island, and it preloads nothing, so a page without an
/// island downloads no wasm at all. A module script runs once the document is parsed, so
/// every island is in the page when it looks.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let js = options.output_name.to_string();
    // Named as Leptos names them: cargo-leptos sets LEPTOS_OUTPUT_NAME when it builds the
    // site, and wasm-bindgen's own name ends in `_bg` otherwise.
    let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_none() { format!("{js}_bg") } else { js.clone() };
    let script = format!("{}({:?}, {js:?}, {wasm:?});", include_str!("islands.js"), options.site_pkg_dir.to_string());
    view! { <script type="module" nonce=nonce>{script}</script> }
}
