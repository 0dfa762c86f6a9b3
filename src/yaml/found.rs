//! What an editor actually wrote at a field: the YAML read a second time without any shape
//! expected of it, so a type error can say "found the text `murah`" or "found a list" and point
//! at the value's own line and column. Only read after an error, so it costs nothing on a
//! catalogue that builds.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::Step;

/// A YAML value of any shape, with where each part of it stands.
#[derive(Debug)]
pub(super) enum Node {
    Nothing,
    YesNo(bool),
    /// A number, as its digits were written when the source is at hand.
    Number(String, Numeral),
    Text(String),
    List(Vec<Spanned<Node>>),
    /// Keys in the order written, repeated ones included, each with where it stands.
    Fields(Vec<(Spanned<String>, Spanned<Node>)>),
}

/// What kind of number the reader took a plain value for: the fields differ in which they
/// take (a price no negative, a text any whole number, none a fraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Numeral {
    /// 0 and up, within 64 bits.
    Natural,
    /// Below 0, within 64 bits.
    Negative,
    /// Beyond 64 bits: no field takes it.
    Big,
    Fraction,
}

/// The value found at a field's path, described for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    Nothing,
    YesNo(String),
    Number(String),
    Text(String),
    List,
    Fields,
}

/// Where a found value starts (1-based line and column of the text it was read from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Position {
    pub(super) line: u64,
    pub(super) column: u64,
}

/// The value at `path` in `text`, and where it starts; `None` when the text cannot be read
/// as YAML at all or the path leads nowhere (the error then says what it can without it).
pub(super) fn value_at(
    text: &str,
    path: &[Step],
    options: serde_saphyr::Options,
) -> Option<(Found, Position)> {
    let root: Spanned<Node> = serde_saphyr::from_str_with_options(text, options).ok()?;
    let mut node = &root;
    for step in path {
        node = match (step, &node.value) {
            (Step::Key(key), Node::Fields(fields)) => {
                // The last of repeated keys is the one readers keep.
                &fields.iter().rev().find(|(name, _)| name.value == *key)?.1
            }
            (Step::Index(index), Node::List(items)) => items.get(*index)?,
            _ => return None,
        };
    }
    Some((describe(node, text), position_of(node)))
}

/// The whole of `text` without any shape expected of it, repeated keys kept (for
/// [`super::every`], which reports them); `None` when it is not YAML at all.
pub(super) fn read(text: &str, mut options: serde_saphyr::Options) -> Option<Spanned<Node>> {
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    serde_saphyr::from_str_with_options(text, options).ok()
}

/// Where a value (or key) starts.
pub(super) fn position_of<T>(spanned: &Spanned<T>) -> Position {
    let at = spanned.referenced;
    Position {
        line: at.line(),
        column: at.column(),
    }
}

pub(super) fn describe(node: &Spanned<Node>, text: &str) -> Found {
    match &node.value {
        Node::Nothing => Found::Nothing,
        Node::YesNo(value) => Found::YesNo(source_of(node, text).unwrap_or(value.to_string())),
        // `35.000` is read as the number 35: the message must show what was typed.
        Node::Number(value, _) => Found::Number(source_of(node, text).unwrap_or(value.clone())),
        Node::Text(value) => Found::Text(value.clone()),
        Node::List(_) => Found::List,
        Node::Fields(_) => Found::Fields,
    }
}

/// The text a scalar was written as, when the reader knows its bytes.
fn source_of(node: &Spanned<Node>, text: &str) -> Option<String> {
    let span = node.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    let written = text.get(start..start.checked_add(len)?)?.trim();
    (!written.is_empty()).then(|| written.to_owned())
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Nothing)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Nothing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        Ok(Node::YesNo(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        let kind = if value < 0 {
            Numeral::Negative
        } else {
            Numeral::Natural
        };
        Ok(Node::Number(value.to_string(), kind))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value.to_string(), Numeral::Natural))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Node, E> {
        Ok(Node::Number(value.to_string(), Numeral::Big))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Node, E> {
        Ok(Node::Number(value.to_string(), Numeral::Big))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Number(value.to_string(), Numeral::Fraction))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut fields = Vec::new();
        while let Some((key, value)) = map.next_entry::<Spanned<Key>, Spanned<Node>>()? {
            let Spanned {
                value: Key(name),
                referenced,
                defined,
            } = key;
            let key = Spanned {
                value: name,
                referenced,
                defined,
            };
            fields.push((key, value));
        }
        Ok(Node::Fields(fields))
    }
}

/// A mapping's key as text, whatever scalar it was written as (`2024: ...`, `true: ...`).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Key, E> {
        Ok(Key(value.to_owned()))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Key, E> {
        Ok(Key(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Key, E> {
        Ok(Key(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Key, E> {
        Ok(Key(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Key, E> {
        Ok(Key(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Key, E> {
        Ok(Key(String::new()))
    }

    // A list or mapping as a key is legal YAML no catalogue field uses; it is kept as a
    // key that matches no field name.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Key, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Key(String::new()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Key(String::new()))
    }
}
