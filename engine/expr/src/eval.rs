//! Mistral's evaluation rules: finding `<% %>` and `{{ }}` in a string,
//! returning a raw value for a whole-string expression, splicing text, and
//! evaluating nested data recursively.
