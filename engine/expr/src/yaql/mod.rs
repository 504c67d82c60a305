//! A YAQL 3.2 interpreter, configured as Mistral configures yaql.
