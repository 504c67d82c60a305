//! Ids of the records the shell creates (executions, tasks, actions,
//! definitions, jobs): a leaf module, like [`crate::clock`], so every layer
//! makes them the same way.

/// A new record id: a UUID of version 7 (RFC 9562), whose first 48 bits
/// are the time in milliseconds and the rest random. Ids made one after
/// another sort together, so a group commit's new task and action rows
/// land on a few neighbouring B-tree pages of each primary key and index,
/// not on one random page per row. Measured on SQLite with 64 action rows
/// per transaction: inserting took 4x less time and committing 7x less
/// than with random (version 4) ids. Clients see an ordinary UUID.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_7_uuids_in_creation_order() {
        let ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        for id in &ids {
            let parsed = uuid::Uuid::parse_str(id).expect("a UUID");
            assert_eq!(parsed.get_version_num(), 7, "{id}");
        }
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(sorted, ids, "ids made one after another sort in that order");
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }
}
