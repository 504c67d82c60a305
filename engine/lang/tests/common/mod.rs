//! Locates the shared conformance material: `BORA_SHARED`, else `../shared`
//! beside the repository root.

use std::path::PathBuf;

pub fn shared_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("BORA_SHARED") {
        return Some(PathBuf::from(p)).filter(|p| p.is_dir());
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    root.is_dir().then_some(root)
}
