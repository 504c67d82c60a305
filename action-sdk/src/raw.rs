//! A parameter's raw JSON text as a serde deserializer that hands a
//! `Box<RawValue>` field its text without reading it again.
//!
//! serde_json's own deserializer for a `&RawValue` parses the text once
//! more to find where the value ends, although [`crate::parse_input`] has
//! already found that (and checked the JSON) in its one scan of the input.
//! For a large parameter kept raw, such as `std.echo`'s `output`, that
//! second scan was most of the guest's work.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The newtype name by which serde_json's `RawValue` asks a deserializer
/// for raw text (`serde_json::raw::TOKEN`, private but stable since
/// serde_json 1.0.29). Should it ever change, such fields simply take the
/// ordinary (slower) path; a unit test watches it.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// One member's value: JSON text already checked by the scan that found it.
#[derive(Clone, Copy)]
pub(crate) struct RawMember<'a>(pub(crate) &'a RawValue);

impl<'de> IntoDeserializer<'de, serde_json::Error> for RawMember<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// Methods passed on to serde_json's deserializer for the text.
macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
            self.0.$method(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for RawMember<'de> {
    type Error = serde_json::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        if name == RAW_VALUE_TOKEN {
            // RawValue's own protocol: a map of one entry, the token as the
            // key and the text as the value.
            visitor.visit_map(Handover(Some(self.0.get())))
        } else {
            self.0.deserialize_newtype_struct(name, visitor)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.0.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.0.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }
}

/// The one-entry map by which a raw value receives its text.
struct Handover<'a>(Option<&'a str>);

impl<'de> MapAccess<'de> for Handover<'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, serde_json::Error> {
        if self.0.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE_TOKEN))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, serde_json::Error> {
        match self.0.take() {
            Some(text) => seed.deserialize(BorrowedStrDeserializer::new(text)),
            None => Err(serde::de::Error::custom(
                "a raw value's text was asked for twice",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::de::{Deserializer, Visitor};
    use serde_json::value::RawValue;

    use super::RAW_VALUE_TOKEN;

    /// Records the newtype name `Box<RawValue>` asks for, then gives up.
    struct NameSpy<'a>(&'a mut Option<&'static str>);

    impl<'de> Deserializer<'de> for NameSpy<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("spy"))
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = Some(name);
            Err(serde::de::Error::custom("spy"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct seq tuple tuple_struct map
            struct enum identifier ignored_any
        }
    }

    #[test]
    fn the_token_is_the_one_serde_json_asks_for() {
        let mut seen = None;
        let _ = <Box<RawValue> as serde::Deserialize>::deserialize(NameSpy(&mut seen));
        assert_eq!(seen, Some(RAW_VALUE_TOKEN));
    }
}
