//! The only parts of the portal that run in the browser (Leptos islands). Every page is
//! rendered whole on the server and works without JavaScript; an island adds what only the
//! browser can do on top of that, and a page without one loads no wasm at all
//! (`IslandScripts`). Islands take their text from the server as props or children: the
//! translations stay on the server, which keeps the wasm small.
//!
//! Islands do not nest, so the loader wakes each `<leptos-island>` of the page in turn.
pub mod reveal;
pub mod scripts;
