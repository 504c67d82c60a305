//! Statements bounded in time.
//!
//! A connection a partition left half-open never answers, and sqlx has no
//! bound of its own: a statement on one would wait for good (until the
//! kernel gives the socket up, a quarter of an hour later), and so would
//! the client that asked. The engine's claims, commits and reads have their
//! own bounds (see [`crate::outage`]); every other statement on the pool
//! goes through [`Bounded`], and a transaction's through [`on`]: a
//! statement (or a commit) that gets no answer, or no next row, within
//! [`crate::outage::ANSWER_BOUND`] fails as the database being unavailable
//! (an API request answers 503; a read is tried once more on a checked
//! connection). Its connection, dropped in the middle, is checked within a
//! bound of its own on its way back to the pool ([`release_check`]), so a
//! half-open one is closed instead of holding its pool slot for good.
//! Only on PostgreSQL: a SQLite file cannot go half-open.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::stream::{BoxStream, Stream};
use sqlx::any::{AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{Any, AnyConnection, AnyPool, Describe, Either, Execute, Executor};

use crate::outage::ANSWER_BOUND;

/// The pool as an executor whose statements are bounded in time (on
/// PostgreSQL; `bound` is `None` on SQLite, a file that cannot go
/// half-open, where a long statement is only a long statement).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounded<'p> {
    pub(crate) pool: &'p AnyPool,
    pub(crate) bound: Option<Duration>,
}

/// A connection (a transaction's) as an executor whose statements are
/// bounded in time, as [`Bounded`].
#[derive(Debug)]
pub(crate) struct BoundedConn<'c> {
    conn: &'c mut AnyConnection,
    bound: Option<Duration>,
}

/// `conn` with its statements bounded in time when it is PostgreSQL's.
pub(crate) fn on(conn: &mut AnyConnection) -> BoundedConn<'_> {
    let bound = (conn.backend_name() == "PostgreSQL").then_some(ANSWER_BOUND);
    BoundedConn { conn, bound }
}

/// The error of a statement that had no answer in time.
fn no_answer(bound: Duration) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::new(
        std::io::ErrorKind::TimedOut,
        format!(
            "the database gave no answer within {} ms",
            bound.as_millis()
        ),
    ))
}

/// `answer` within `bound`, if any.
pub(crate) fn answer<'e, T: Send + 'e>(
    answer: BoxFuture<'e, Result<T, sqlx::Error>>,
    bound: Option<Duration>,
) -> BoxFuture<'e, Result<T, sqlx::Error>> {
    match bound {
        None => answer,
        Some(bound) => Box::pin(async move {
            tokio::time::timeout(bound, answer)
                .await
                .unwrap_or_else(|_| Err(no_answer(bound)))
        }),
    }
}

/// `rows`, each within `bound` of the one before, if any.
fn rows<'e, T: Send + 'e>(
    rows: BoxStream<'e, Result<T, sqlx::Error>>,
    bound: Option<Duration>,
) -> BoxStream<'e, Result<T, sqlx::Error>> {
    match bound {
        None => rows,
        Some(bound) => Box::pin(Answered::new(rows, bound)),
    }
}

/// The executor methods that run a statement, each bounded by `bound`;
/// `describe` is left as it is (sqlx's macros' business, unused here).
macro_rules! bounded_executor {
    ($ty:ident, $life:lifetime, $inner:ident) => {
        impl<$life> Executor<$life> for $ty<$life> {
            type Database = Any;

            fn fetch_many<'e, 'q: 'e, E>(
                self,
                query: E,
            ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
            where
                $life: 'e,
                E: 'q + Execute<'q, Any>,
            {
                rows(self.$inner.fetch_many(query), self.bound)
            }

            fn fetch_optional<'e, 'q: 'e, E>(
                self,
                query: E,
            ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
            where
                $life: 'e,
                E: 'q + Execute<'q, Any>,
            {
                answer(self.$inner.fetch_optional(query), self.bound)
            }

            fn prepare_with<'e, 'q: 'e>(
                self,
                sql: &'q str,
                parameters: &'e [AnyTypeInfo],
            ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
            where
                $life: 'e,
            {
                answer(self.$inner.prepare_with(sql, parameters), self.bound)
            }

            fn describe<'e, 'q: 'e>(
                self,
                sql: &'q str,
            ) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
            where
                $life: 'e,
            {
                self.$inner.describe(sql)
            }
        }
    };
}

bounded_executor!(Bounded, 'p, pool);
bounded_executor!(BoundedConn, 'c, conn);

/// A statement's rows, each within `bound` of the one before (or of the
/// start); past it, one error and the end.
struct Answered<'e, T> {
    rows: Option<BoxStream<'e, Result<T, sqlx::Error>>>,
    bound: Duration,
    deadline: Pin<Box<tokio::time::Sleep>>,
}

impl<'e, T> Answered<'e, T> {
    fn new(rows: BoxStream<'e, Result<T, sqlx::Error>>, bound: Duration) -> Self {
        Self {
            rows: Some(rows),
            bound,
            deadline: Box::pin(tokio::time::sleep(bound)),
        }
    }
}

impl<T> Stream for Answered<'_, T> {
    type Item = Result<T, sqlx::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let Some(rows) = this.rows.as_mut() else {
            return Poll::Ready(None);
        };
        match rows.as_mut().poll_next(cx) {
            Poll::Ready(Some(row)) => {
                let next = tokio::time::Instant::now() + this.bound;
                this.deadline.as_mut().reset(next);
                Poll::Ready(Some(row))
            }
            Poll::Ready(None) => {
                this.rows = None;
                Poll::Ready(None)
            }
            Poll::Pending => match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    // Dropping the rows drops the connection mid-statement.
                    this.rows = None;
                    Poll::Ready(Some(Err(no_answer(this.bound))))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

/// The pool's `after_release` check on PostgreSQL: the connection answers
/// a ping in time (see [`crate::liveness::answers_ping`]), or it is closed
/// without a word (an error). sqlx's own check, which follows, has no bound
/// and would wait for good on a half-open connection.
pub(crate) async fn release_check(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    if crate::liveness::answers_ping(conn).await {
        Ok(true)
    } else {
        Err(sqlx::Error::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "a connection going back to the pool did not answer its check",
        )))
    }
}
