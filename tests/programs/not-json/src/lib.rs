//! Implements the world with wit-bindgen directly (the SDK always returns
//! JSON) and returns `done("this is not json")`: the host must reject the
//! output as not JSON.

// The generated export glue has more parameters than clippy likes.
#![allow(clippy::too_many_arguments)]

// The world `use`s the types into the generated root module.
wit_bindgen::generate!({ path: "../../../wit", world: "action" });

struct NotJson;

impl Guest for NotJson {
    fn describe() -> Descriptor {
        Descriptor {
            name: "test.not_json".to_owned(),
            description: "Returns a result that is not JSON.".to_owned(),
            params: Vec::new(),
            is_async: false,
        }
    }

    fn run(_input: String, _ctx: Context) -> Result<Outcome, ActionError> {
        Ok(Outcome::Done("this is not json".to_owned()))
    }
}

export!(NotJson);
