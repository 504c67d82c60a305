//! YAQL's parser: tokens to an expression tree, by precedence climbing over
//! yaql 3.2's operator table.
//!
//! # Grammar
//!
//! ```text
//! value   := QUOTED_STRING | NUMBER | true | false | null
//!          | KEYWORD                      (a bare name: a string constant)
//!          | DOLLAR                       ($, $name, $1)
//!          | '(' value ')'
//!          | FUNC args ')'                (name( ... ): a function call)
//!          | '[' args ']'                 (list literal)
//!          | '{' args '}'                 (dict literal of k => v)
//!          | value '[' args ']'           (indexer)
//!          | PREFIX value | value BINARY value
//! args    := arg (',' arg)*  with empty positional slots allowed before a
//!            comma (f(, 1)); named args (value '=>' value) come last
//! ```
//!
//! Operators, tightest first (yaql's table; one row is one precedence level):
//!
//! | level | operators | kind |
//! |---|---|---|
//! | 1 | `.` `?.` | binary, left |
//! | 2 | `[ ]` indexer, list/dict literals | postfix |
//! | 3 | `+` `-` | prefix |
//! | 4 | `=~` `!~` | binary, left |
//! | 5 | `*` `/` `mod` | binary, left |
//! | 6 | `+` `-` | binary, left |
//! | 7 | `>` `<` `>=` `<=` `!=` `=` `in` | binary, left |
//! | 8 | `not` | prefix |
//! | 9 | `and` | binary, left |
//! | 10 | `or` | binary, left |
//! | 11 | `->` | binary, right |
//!
//! `=>` (keyword/mapping) is only valid inside argument lists and binds
//! loosest: `switch($.a = 1 => 'x' + 'y')` pairs `$.a = 1` with `'x' + 'y'`.

use super::YaqlError;
use super::lexer::{Tok, Token, tokenize};
use super::value::Value;

/// An argument of a call, indexer or literal.
#[derive(Debug, Clone)]
pub enum Arg {
    Pos(Expr),
    /// `key => value`.
    Named(Expr, Expr),
    /// An empty positional slot (`f(, 1)`), yaql's `NO_VALUE`.
    Omitted,
}

/// A parsed YAQL expression.
#[derive(Debug, Clone)]
pub enum Expr {
    Const(Value),
    /// A bare name: evaluates to the string, but `.name` is an attribute.
    Keyword(std::sync::Arc<str>),
    /// `$` (empty name) or `$name`.
    Var(std::sync::Arc<str>),
    /// `( value )`.
    Wrap(Box<Expr>),
    /// `name(args)`.
    Call(std::sync::Arc<str>, Vec<Arg>),
    Binary(&'static str, Box<Expr>, Box<Expr>),
    Unary(&'static str, Box<Expr>),
    /// `recv.rhs` or `recv?.rhs`.
    Dot {
        recv: Box<Expr>,
        rhs: Box<Expr>,
        null_safe: bool,
    },
    Index(Box<Expr>, Vec<Arg>),
    List(Vec<Arg>),
    Map(Vec<Arg>),
    /// `$.a.b.c` on the data root: looked up directly in the JSON context
    /// (an optimisation of nested `Dot`s with the same semantics).
    RootPath(Vec<std::sync::Arc<str>>),
}

/// Binding power of a binary operator (higher binds tighter) and whether it
/// is right-associative.
fn binary_bp(op: &str) -> Option<(u8, bool)> {
    Some(match op {
        "->" => (1, true),
        "or" => (2, false),
        "and" => (3, false),
        ">" | "<" | ">=" | "<=" | "!=" | "=" | "in" => (5, false),
        "+" | "-" => (6, false),
        "*" | "/" | "mod" => (7, false),
        "=~" | "!~" => (8, false),
        _ => return None,
    })
}

const NOT_BP: u8 = 4;
const UNARY_BP: u8 = 9;
const INDEX_BP: u8 = 10;
const DOT_BP: u8 = 11;

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    /// Current recursion of `expr()`.
    depth: usize,
}

/// Deepest tree (and parser recursion) accepted: what the evaluator is
/// tested to handle on a 2 MiB stack. Both are checked as the tree is built,
/// so no deeper tree ever exists (dropping one would recurse too).
const MAX_DEPTH: usize = crate::limits::MAX_EXPRESSION_DEPTH_CEILING;

fn too_deep() -> YaqlError {
    crate::limits::LimitError::new(crate::limits::LimitKind::ExpressionDepth(MAX_DEPTH)).into()
}

/// A subtree and its depth (a leaf is 1).
type Sub = (Expr, usize);

/// The depth of a node over children of depth `below`, refused past
/// [`MAX_DEPTH`].
fn node(below: usize) -> Result<usize, YaqlError> {
    if below >= MAX_DEPTH {
        Err(too_deep())
    } else {
        Ok(below + 1)
    }
}

/// Parses expression text into a tree; returns it with its depth.
pub fn parse(text: &str) -> Result<(Expr, usize), YaqlError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        text,
        tokens,
        pos: 0,
        depth: 0,
    };
    let (expr, depth) = parser.expr(0)?;
    if parser.pos < parser.tokens.len() {
        return Err(parser.unexpected());
    }
    Ok((optimise(expr), depth))
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn unexpected(&self) -> YaqlError {
        match self.tokens.get(self.pos) {
            None => YaqlError::UnexpectedEnd,
            Some(token) => YaqlError::Unexpected {
                token: token.tok.display(),
                pos: token.pos,
                expr: self.text.to_string(),
            },
        }
    }

    fn expect_op(&mut self, op: &str) -> Result<(), YaqlError> {
        match self.peek() {
            Some(Tok::Op(o)) if *o == op => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.unexpected()),
        }
    }

    fn expr(&mut self, min_bp: u8) -> Result<Sub, YaqlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let result = self.expr_inner(min_bp);
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self, min_bp: u8) -> Result<Sub, YaqlError> {
        let (mut lhs, mut depth) = self.prefix()?;
        while let Some(Tok::Op(op)) = self.peek() {
            let op: &'static str = op;
            match op {
                "." | "?." => {
                    if DOT_BP < min_bp {
                        break;
                    }
                    self.pos += 1;
                    let (rhs, rhs_depth) = self.expr(DOT_BP + 1)?;
                    depth = node(depth.max(rhs_depth))?;
                    lhs = Expr::Dot {
                        recv: Box::new(lhs),
                        rhs: Box::new(rhs),
                        null_safe: op == "?.",
                    };
                }
                "[" => {
                    if INDEX_BP < min_bp {
                        break;
                    }
                    self.pos += 1;
                    let (args, args_depth) = self.args("]")?;
                    depth = node(depth.max(args_depth))?;
                    lhs = Expr::Index(Box::new(lhs), args);
                }
                _ => {
                    let Some((bp, right)) = binary_bp(op) else {
                        break;
                    };
                    if bp < min_bp {
                        break;
                    }
                    self.pos += 1;
                    let (rhs, rhs_depth) = self.expr(if right { bp } else { bp + 1 })?;
                    depth = node(depth.max(rhs_depth))?;
                    lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
                }
            }
        }
        Ok((lhs, depth))
    }

    fn prefix(&mut self) -> Result<Sub, YaqlError> {
        let Some(token) = self.tokens.get(self.pos) else {
            return Err(YaqlError::UnexpectedEnd);
        };
        let tok = token.tok.clone();
        self.pos += 1;
        let leaf = |e: Expr| Ok((e, 1));
        match tok {
            Tok::Int(i) => leaf(Expr::Const(Value::Int(i))),
            Tok::Float(f) => leaf(Expr::Const(Value::Float(f))),
            Tok::Str(s) => leaf(Expr::Const(Value::str(&s))),
            Tok::True => leaf(Expr::Const(Value::Bool(true))),
            Tok::False => leaf(Expr::Const(Value::Bool(false))),
            Tok::Null => leaf(Expr::Const(Value::Null)),
            Tok::Keyword(k) => leaf(Expr::Keyword(k.into())),
            Tok::Dollar(name) => leaf(Expr::Var(name.into())),
            Tok::Func(name) => {
                let (args, depth) = self.args(")")?;
                Ok((Expr::Call(name.into(), args), node(depth)?))
            }
            Tok::Op("(") => {
                let (inner, depth) = self.expr(0)?;
                self.expect_op(")")?;
                Ok((Expr::Wrap(Box::new(inner)), node(depth)?))
            }
            Tok::Op("[") => {
                let (args, depth) = self.args("]")?;
                Ok((Expr::List(args), node(depth)?))
            }
            Tok::Op("{") => {
                let (args, depth) = self.args("}")?;
                Ok((Expr::Map(args), node(depth)?))
            }
            // `-1` stays an operator call, as in yaql: it is not a literal
            // when overloads are ruled out by literal arguments.
            Tok::Op(op @ ("-" | "+")) => {
                let (operand, depth) = self.expr(UNARY_BP)?;
                Ok((Expr::Unary(op, Box::new(operand)), node(depth)?))
            }
            Tok::Op("not") => {
                let (operand, depth) = self.expr(NOT_BP)?;
                Ok((Expr::Unary("not", Box::new(operand)), node(depth)?))
            }
            _ => {
                self.pos -= 1;
                Err(self.unexpected())
            }
        }
    }

    /// Arguments up to and including the closing token, with the depth of
    /// the deepest one.
    fn args(&mut self, close: &str) -> Result<(Vec<Arg>, usize), YaqlError> {
        let mut args = Vec::new();
        let mut depth = 0;
        if matches!(self.peek(), Some(Tok::Op(o)) if *o == close) {
            self.pos += 1;
            return Ok((args, depth));
        }
        let mut named_seen = false;
        loop {
            if matches!(self.peek(), Some(Tok::Op(","))) && !named_seen {
                // An empty positional slot.
                self.pos += 1;
                args.push(Arg::Omitted);
                continue;
            }
            let (value, value_depth) = self.expr(0)?;
            depth = depth.max(value_depth);
            if matches!(self.peek(), Some(Tok::Op("=>"))) {
                self.pos += 1;
                let (target, target_depth) = self.expr(0)?;
                depth = depth.max(target_depth);
                args.push(Arg::Named(value, target));
                named_seen = true;
            } else if named_seen {
                return Err(self.unexpected());
            } else {
                args.push(Arg::Pos(value));
            }
            match self.peek() {
                Some(Tok::Op(o)) if *o == close => {
                    self.pos += 1;
                    return Ok((args, depth));
                }
                Some(Tok::Op(",")) => {
                    self.pos += 1;
                }
                _ => return Err(self.unexpected()),
            }
        }
    }
}

/// Rewrites `$.a.b` chains on the root data into [`Expr::RootPath`].
fn optimise(expr: Expr) -> Expr {
    match expr {
        Expr::Dot {
            recv,
            rhs,
            null_safe: false,
        } => {
            let recv = optimise(*recv);
            let rhs = optimise_inner(*rhs);
            match (recv, rhs) {
                (Expr::Var(v), Expr::Keyword(k)) if v.is_empty() => Expr::RootPath(vec![k]),
                (Expr::RootPath(mut path), Expr::Keyword(k)) => {
                    path.push(k);
                    Expr::RootPath(path)
                }
                (recv, rhs) => Expr::Dot {
                    recv: Box::new(recv),
                    rhs: Box::new(rhs),
                    null_safe: false,
                },
            }
        }
        other => optimise_inner(other),
    }
}

fn optimise_args(args: Vec<Arg>) -> Vec<Arg> {
    args.into_iter()
        .map(|a| match a {
            Arg::Pos(e) => Arg::Pos(optimise(e)),
            Arg::Named(k, v) => Arg::Named(optimise(k), optimise(v)),
            Arg::Omitted => Arg::Omitted,
        })
        .collect()
}

fn optimise_inner(expr: Expr) -> Expr {
    match expr {
        Expr::Dot {
            recv,
            rhs,
            null_safe: true,
        } => Expr::Dot {
            recv: Box::new(optimise(*recv)),
            rhs: Box::new(optimise_inner(*rhs)),
            null_safe: true,
        },
        Expr::Dot { .. } => optimise(expr),
        Expr::Wrap(e) => Expr::Wrap(Box::new(optimise(*e))),
        Expr::Call(n, args) => Expr::Call(n, optimise_args(args)),
        Expr::Binary(op, l, r) => Expr::Binary(op, Box::new(optimise(*l)), Box::new(optimise(*r))),
        Expr::Unary(op, e) => Expr::Unary(op, Box::new(optimise(*e))),
        Expr::Index(e, args) => Expr::Index(Box::new(optimise(*e)), optimise_args(args)),
        Expr::List(args) => Expr::List(optimise_args(args)),
        Expr::Map(args) => Expr::Map(optimise_args(args)),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(e: &Expr) -> String {
        match e {
            Expr::Const(v) => v.to_python_str(),
            Expr::Keyword(k) => k.to_string(),
            Expr::Var(v) => format!("${v}"),
            Expr::Wrap(e) => shape(e),
            Expr::Call(n, args) => format!("{n}({})", args.len()),
            Expr::Binary(op, l, r) => format!("({} {op} {})", shape(l), shape(r)),
            Expr::Unary(op, e) => format!("({op} {})", shape(e)),
            Expr::Dot { recv, rhs, .. } => format!("{}.{}", shape(recv), shape(rhs)),
            Expr::Index(e, _) => format!("{}[]", shape(e)),
            Expr::List(a) => format!("[{}]", a.len()),
            Expr::Map(a) => format!("{{{}}}", a.len()),
            Expr::RootPath(p) => format!("$.{}", p.join(".")),
        }
    }

    fn p(text: &str) -> String {
        match parse(text) {
            Ok((e, _)) => shape(&e),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn precedence() {
        assert_eq!(p("2 + 3 * 4"), "(2 + (3 * 4))");
        assert_eq!(p("10 - 2 - 3"), "((10 - 2) - 3)");
        assert_eq!(p("not 1 = 2 and 3"), "((not (1 = 2)) and 3)");
        assert_eq!(p("a or b and c"), "(a or (b and c))");
        assert_eq!(p("-$.a * 2"), "((- $.a) * 2)");
        assert_eq!(p("$.a.b[0].c"), "$.a.b[].c");
        assert_eq!(
            p("let(x => 1) -> let(y => 2) -> $x"),
            "(let(1) -> (let(1) -> $x))"
        );
        assert_eq!(
            p("'a' =~ 'b' + 'c'"),
            "(('a' =~ 'b') + 'c')".replace('\'', "")
        );
    }

    #[test]
    fn errors() {
        assert_eq!(p("$.a +"), "Parse error: unexpected end of statement");
        assert_eq!(p("foo("), "Parse error: unexpected end of statement");
        assert_eq!(
            p("$..a"),
            "Parse error: unexpected '.' at position 2 of expression '$..a'"
        );
        assert_eq!(
            p("$$"),
            "Parse error: unexpected '$' at position 1 of expression '$$'"
        );
        assert_eq!(p(""), "Parse error: unexpected end of statement");
    }
}
